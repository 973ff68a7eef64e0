#!/usr/bin/env bash
# node-drain.sh: move work off a node, on the k3s server (kubectl there). Two modes:
#   remove      before a workspace node's VM is deleted: `kubectl drain --ignore-daemonsets
#               --delete-emptydir-data --force` (bounded; every pod gets its own grace period,
#               so a running workspace is stopped and backed up by ws-daemon, which stays as a
#               DaemonSet pod until the end), then `kubectl delete node`, which also removes
#               k3s' node-password Secret so the name can join again. A Node that is already
#               gone is fine; one that stays not Ready for NODE_READY_WAIT_SECONDS cannot finish
#               a drain (its kubelet does not answer), so it is deleted without one.
#   workspaces  on the server when the first workspace node has joined: only Gitpod workspace
#               pods (app=gitpod,component=workspace) are drained from the server while it is
#               cordoned (so no new one lands there meanwhile), then REMOVE_LABELS are taken off
#               it and it is uncordoned (unless it was cordoned before). Nothing to do when it
#               carries none of those labels.
# `--force` is needed because workspace pods are bare pods created by ws-manager.
#
# Parameters (environment):
#   NODE_NAME               required: the Node
#   DRAIN_MODE              required: remove | workspaces
#   REMOVE_LABELS           workspaces mode: label keys, one per line
#   DRAIN_TIMEOUT_SECONDS   bound for the drain; default 900
#   NODE_READY_WAIT_SECONDS remove mode: how long a not-Ready Node may take to come back; default 60
# Stdin: not read.
# Exit codes: 0 done (or nothing to do); 1 the drain timed out (the pods that did not leave are
#   listed) or a kubectl step failed; 2 invalid parameter.
set -euo pipefail
SCRIPT_NAME="node-drain"
# shellcheck source-path=SCRIPTDIR source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

DRAIN_TIMEOUT_SECONDS="${DRAIN_TIMEOUT_SECONDS:-900}"
NODE_READY_WAIT_SECONDS="${NODE_READY_WAIT_SECONDS:-60}"
REMOVE_LABELS="${REMOVE_LABELS:-}"
WORKSPACE_PODS="app=gitpod,component=workspace"

[[ -n "${NODE_NAME:-}" ]] || die 2 "NODE_NAME is not set"
case "${DRAIN_MODE:-}" in
  remove) ;;
  workspaces) [[ -n "$REMOVE_LABELS" ]] || die 2 "REMOVE_LABELS is empty: workspaces mode needs the label keys to take off $NODE_NAME" ;;
  *) die 2 "DRAIN_MODE must be 'remove' or 'workspaces', got '${DRAIN_MODE:-}'" ;;
esac
require_whole_numbers --of seconds DRAIN_TIMEOUT_SECONDS NODE_READY_WAIT_SECONDS

kc() { k3s kubectl "$@"; }

# report_leftovers [SELECTOR]: the pods still on the node that a drain moves (DaemonSet pods stay
# until the Node goes), on stderr.
report_leftovers() {
  local selector=()
  [[ -n "${1:-}" ]] && selector=(--selector "$1")
  echo "pods still on $NODE_NAME:" >&2
  kc get pods --all-namespaces --field-selector "spec.nodeName=$NODE_NAME" "${selector[@]}" --no-headers \
    -o 'custom-columns=NAMESPACE:.metadata.namespace,NAME:.metadata.name,OWNER:.metadata.ownerReferences[0].kind,PHASE:.status.phase' |
    awk '$3 != "DaemonSet" { print "  " $1 "/" $2 " (" $4 ")" }' >&2 || true
}

# drain [SELECTOR]: the bounded drain (of the pods SELECTOR matches, else all); on failure lists
# what did not leave and exits 1.
drain() {
  local only=()
  [[ -n "${1:-}" ]] && only=(--pod-selector "$1")
  log "draining ${1:+pods $1 from }$NODE_NAME (up to ${DRAIN_TIMEOUT_SECONDS}s; each pod gets its grace period)"
  if ! kc drain "$NODE_NAME" --ignore-daemonsets --delete-emptydir-data --force --timeout="${DRAIN_TIMEOUT_SECONDS}s" "${only[@]}" >&2; then
    report_leftovers "${1:-}"
    die 1 "draining $NODE_NAME did not finish within ${DRAIN_TIMEOUT_SECONDS}s (pods above): stop those workspaces in Gitpod (or delete the pods) and run 'pulumi up' again"
  fi
}

if [[ "$DRAIN_MODE" == remove ]]; then
  if [[ -z "$(kc get node "$NODE_NAME" --ignore-not-found -o name)" ]]; then
    log "node $NODE_NAME is already gone: nothing to drain"
    exit 0
  fi
  if kc wait --for=condition=Ready "node/$NODE_NAME" --timeout="${NODE_READY_WAIT_SECONDS}s" >/dev/null 2>&1; then
    drain
  else
    log "node $NODE_NAME is not Ready after ${NODE_READY_WAIT_SECONDS}s: its kubelet cannot stop pods, deleting it without a drain"
  fi
  kc delete node "$NODE_NAME" --timeout=120s >&2 || die 1 "'kubectl delete node $NODE_NAME' failed (output above)"
  log "node $NODE_NAME drained and deleted"
  exit 0
fi

# --- workspaces mode -----------------------------------------------------------------------------
carried=()
while IFS= read -r key; do
  [[ -n "$key" ]] || continue
  if [[ -n "$(kc get nodes -l "$key" --field-selector "metadata.name=$NODE_NAME" -o name)" ]]; then
    carried+=("$key")
  fi
done <<<"$REMOVE_LABELS"
if ((${#carried[@]} == 0)); then
  log "$NODE_NAME carries none of the workspace labels: nothing to do"
  exit 0
fi

was_cordoned="$(kc get node "$NODE_NAME" -o 'jsonpath={.spec.unschedulable}')"
uncordon() {
  [[ "$was_cordoned" == true ]] || kc uncordon "$NODE_NAME" >&2 || log "WARNING: 'kubectl uncordon $NODE_NAME' failed: run it on the server"
}
trap uncordon EXIT
drain "$WORKSPACE_PODS"
kc label node "$NODE_NAME" "${carried[@]/%/-}" >&2 || die 1 "removing the labels ${carried[*]} from $NODE_NAME failed (output above)"
log "workspaces now run on the workspace nodes only: removed ${carried[*]} from $NODE_NAME"
