#!/usr/bin/env bash
# gitpod-wait.sh: wait (bounded) until Gitpod answers, from the node itself, and explain why not.
#   In order, within one overall bound:
#   1. (kots mode) the kots app's state is `ready` (`kubectl kots get apps`: the minimum of the
#      app's status informers, gitpod-io/gitpod 2022.11.3 install/kots/manifests/kots-app.yaml);
#   2. (kots mode) Deployment installation-status is Available (it turns Available once Gitpod's
#      Helm release is deployed: install/kots/manifests/gitpod-installation-status.yaml);
#   3. https://<domain>/api/version answers 2xx over HTTPS, resolved to the node's own address
#      (`curl --resolve`, no hairpin through the public IP), the certificate chain verified
#      against the system CAs (Let's Encrypt production; a staging chain is not verifiable).
#   WAIT_MODE=installer drops steps 1 and 2 and the kots-specific diagnostics (installer mode).
#   On timeout prints on stderr what a person would look at: the kots app state, pods that are
#   not ready with their reason, recent warning events, the installer Job's log (ConfigMap
#   gitpod-installation-status), the certificate's status.
#
# Parameters (environment):
#   GITPOD_NAMESPACE       required: Gitpod's namespace
#   DOMAIN                 required: Gitpod's domain
#   WAIT_MODE              kots | installer; default kots
#   APP_SLUG               the KOTS app slug (kots mode); default gitpod
#   ACME_ENVIRONMENT       production | staging; default production (staging: chain not verified)
#   WAIT_TIMEOUT_SECONDS   overall bound; default 2700
#   POLL_INTERVAL_SECONDS  pause between checks; default 10
#   GT_ROOT                prefix of /usr/local/bin/kubectl-kots (tests); default ""
# Stdin: not read. Writes no file.
# Needs: k3s, curl (+ kubectl-kots in kots mode).
# Exit codes: 0 Gitpod answers; 1 timed out (diagnostics printed); 2 invalid parameter.
set -euo pipefail
SCRIPT_NAME="gitpod-wait"
# shellcheck source-path=SCRIPTDIR source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

GT_ROOT="${GT_ROOT:-}"
WAIT_MODE="${WAIT_MODE:-kots}"
APP_SLUG="${APP_SLUG:-gitpod}"
ACME_ENVIRONMENT="${ACME_ENVIRONMENT:-production}"
WAIT_TIMEOUT_SECONDS="${WAIT_TIMEOUT_SECONDS:-2700}"
POLL_INTERVAL_SECONDS="${POLL_INTERVAL_SECONDS:-10}"

[[ "${GITPOD_NAMESPACE:-}" =~ ^[a-z0-9]([-a-z0-9]*[a-z0-9])?$ ]] || die 2 "GITPOD_NAMESPACE '${GITPOD_NAMESPACE:-}' is not a namespace name"
[[ "${DOMAIN:-}" =~ ^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$ ]] || die 2 "DOMAIN '${DOMAIN:-}' is not a domain name"
case "$WAIT_MODE" in kots | installer) ;; *) die 2 "WAIT_MODE must be kots or installer, got '$WAIT_MODE'" ;; esac
case "$ACME_ENVIRONMENT" in production | staging) ;; *) die 2 "ACME_ENVIRONMENT must be production or staging, got '$ACME_ENVIRONMENT'" ;; esac
require_whole_numbers --of seconds WAIT_TIMEOUT_SECONDS POLL_INTERVAL_SECONDS

plugin="$GT_ROOT/usr/local/bin/kubectl-kots"
export KUBECONFIG=/etc/rancher/k3s/k3s.yaml
kc() { k3s kubectl -n "$GITPOD_NAMESPACE" "$@"; }
deadline=$((SECONDS + WAIT_TIMEOUT_SECONDS))

# The app's state from `kubectl kots get apps -o json` (an indented array of
# {"slug", "state", "versionlabel"}): prints it, or nothing.
app_state() {
  "$plugin" get apps -n "$GITPOD_NAMESPACE" -o json 2>/dev/null | tr -d ' \n' |
    grep -o "\"slug\":\"$APP_SLUG\",\"state\":\"[a-z]*\"" | sed 's/.*"state":"\([a-z]*\)"/\1/' || true
}

installation_available() {
  [[ "$(kc get deployment installation-status -o jsonpath='{.status.conditions[?(@.type=="Available")].status}' 2>/dev/null)" == "True" ]]
}

# The server's own address (k3s labels its servers control-plane): with workspace nodes,
# ServiceLB's ports 80/443 are on the server only (lib/k3sConfig.ts SERVICE_LB_LABEL), and the
# first node by name need not be the server.
node_ip() {
  k3s kubectl get nodes -l node-role.kubernetes.io/control-plane \
    -o jsonpath='{.items[0].status.addresses[?(@.type=="InternalIP")].address}' 2>/dev/null
}

api_answers() {
  local ip
  ip="$(node_ip)" || return 1
  [[ -n "$ip" ]] || return 1
  local verify=()
  [[ "$ACME_ENVIRONMENT" == production ]] || verify=(--insecure)
  curl -fsS --max-time 10 "${verify[@]}" --resolve "$DOMAIN:443:$ip" -o /dev/null "https://$DOMAIN/api/version" 2>/dev/null
}

# wait_for DESCRIPTION CHECK...: polls CHECK until it succeeds (0) or the deadline passes (1).
# A progress line every minute shows the wait is alive (and keeps the SSH session busy).
wait_for() {
  local what="$1"
  shift
  local next_note=$((SECONDS + 60))
  log "waiting for $what"
  while ! "$@"; do
    ((SECONDS < deadline)) || return 1
    if ((SECONDS >= next_note)); then
      log "still waiting for $what ($((deadline - SECONDS))s left)"
      next_note=$((SECONDS + 60))
    fi
    sleep "$POLL_INTERVAL_SECONDS"
  done
  log "$what: yes"
}

app_ready() { [[ "$(app_state)" == ready ]]; }

diagnostics() {
  echo "gitpod-tencent: gitpod-wait: ERROR: Gitpod not answering after ${WAIT_TIMEOUT_SECONDS}s: $1"
  if [[ "$WAIT_MODE" == kots ]]; then
    echo "--- kots app state (kubectl kots get apps -n $GITPOD_NAMESPACE)"
    "$plugin" get apps -n "$GITPOD_NAMESPACE" 2>&1 || true
  fi
  echo "--- pods not ready"
  kc get pods --no-headers \
    -o custom-columns='NAME:.metadata.name,PHASE:.status.phase,READY:.status.containerStatuses[*].ready,WAITING:.status.containerStatuses[*].state.waiting.reason,TERMINATED:.status.containerStatuses[*].lastState.terminated.reason' 2>&1 |
    awk '$2 != "Succeeded" && ($2 != "Running" || $3 ~ /false/)' || true
  echo "--- recent warning events"
  kc get events --field-selector type=Warning --sort-by=.lastTimestamp 2>&1 | tail -n 20 || true
  if [[ "$WAIT_MODE" == kots ]]; then
    # The key kots-install.sh writes its log to (its preflight reads the same: kots-preflight.yaml).
    echo "--- installer log (ConfigMap gitpod-installation-status, last lines)"
    kc get configmap gitpod-installation-status -o jsonpath='{.data.gitpod-installer\.log}' 2>&1 | tail -n 40 || true
  fi
  echo "--- certificate"
  kc get certificate https-certificates -o wide 2>&1 || true
  echo "--- what to look at"
  echo "  ImagePullBackOff / ErrImagePull: an image is gone or unreachable (npm run doctor checks them all)"
  echo "  Pending pods: k3s kubectl -n $GITPOD_NAMESPACE describe pod <name> (node labels, memory, disk)"
  [[ "$WAIT_MODE" == kots ]] && echo "  the admin console shows the app's status and preflights: pulumi stack output adminConsole"
  echo "  from the node: curl -v --resolve $DOMAIN:443:$(node_ip || echo '<node-ip>') https://$DOMAIN/api/version"
}

fail() {
  diagnostics "$1" >&2
  exit 1
}

if [[ "$WAIT_MODE" == kots ]]; then
  wait_for "kots app $APP_SLUG state ready" app_ready || fail "kots app $APP_SLUG is '$(app_state)', not ready"
  wait_for "Deployment installation-status Available" installation_available || fail "Deployment installation-status is not Available"
fi
wait_for "https://$DOMAIN/api/version over HTTPS" api_answers || fail "https://$DOMAIN/api/version does not answer over HTTPS"
log "Gitpod answers at https://$DOMAIN"
