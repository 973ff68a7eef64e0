#!/usr/bin/env bash
# wait-cluster.sh: wait (bounded) until every node is Ready and Calico reports Available.
#   Polls `k3s kubectl wait --for=condition=Ready node --all` and, once the tigera-operator has
#   created it, `k3s kubectl wait --for=condition=Available tigerastatus/calico`.
#   On timeout prints node conditions, pods that are not Running, the tigerastatus, and where
#   to look next (all on stderr).
#
# Parameters (environment):
#   WAIT_TIMEOUT_SECONDS   overall bound; default 600
#   POLL_INTERVAL_SECONDS  pause between checks; default 5
# Stdin: not read.
# Exit codes: 0 cluster ready; 1 timed out (diagnostics printed); 2 invalid parameter.
set -euo pipefail
SCRIPT_NAME="wait-cluster"
# shellcheck source-path=SCRIPTDIR source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

WAIT_TIMEOUT_SECONDS="${WAIT_TIMEOUT_SECONDS:-600}"
POLL_INTERVAL_SECONDS="${POLL_INTERVAL_SECONDS:-5}"

require_whole_numbers --of seconds WAIT_TIMEOUT_SECONDS POLL_INTERVAL_SECONDS

kc() { k3s kubectl "$@"; }

deadline=$((SECONDS + WAIT_TIMEOUT_SECONDS))
# Seconds left for one kubectl wait call: at least 1, at most 30, never past the deadline.
chunk() {
  local left=$((deadline - SECONDS))
  ((left > 30)) && left=30
  ((left < 1)) && left=1
  echo "$left"
}

log "waiting up to ${WAIT_TIMEOUT_SECONDS}s for all nodes Ready and Calico Available"
nodes_ready=0
calico_ready=0
while :; do
  if [[ "$nodes_ready" -eq 0 ]] &&
    kc wait --for=condition=Ready node --all --timeout="$(chunk)s" >/dev/null 2>&1; then
    nodes_ready=1
    log "all nodes Ready"
  fi
  if [[ "$calico_ready" -eq 0 ]] && kc get tigerastatus/calico >/dev/null 2>&1 &&
    kc wait --for=condition=Available tigerastatus/calico --timeout="$(chunk)s" >/dev/null 2>&1; then
    calico_ready=1
    log "Calico Available"
  fi
  if [[ "$nodes_ready" -eq 1 && "$calico_ready" -eq 1 ]]; then
    # A node can drop back to NotReady while Calico restarts: confirm both once more.
    if kc wait --for=condition=Ready node --all --timeout=5s >/dev/null 2>&1; then
      log "cluster ready"
      exit 0
    fi
    nodes_ready=0
  fi
  if ((SECONDS >= deadline)); then
    break
  fi
  sleep "$POLL_INTERVAL_SECONDS"
done

{
  echo "gitpod-tencent: wait-cluster: ERROR: cluster not ready after ${WAIT_TIMEOUT_SECONDS}s (nodes Ready: $([[ $nodes_ready -eq 1 ]] && echo yes || echo no), Calico Available: $([[ $calico_ready -eq 1 ]] && echo yes || echo no))"
  echo "--- node conditions"
  kc get nodes -o jsonpath='{range .items[*]}{.metadata.name}{"\n"}{range .status.conditions[*]}{"  "}{.type}={.status} {.reason}: {.message}{"\n"}{end}{end}' 2>&1 || true
  echo "--- pods not Running"
  kc get pods -A -o wide 2>&1 | grep -v Running || true
  echo "--- tigerastatus"
  kc get tigerastatus -o wide 2>&1 || true
  echo "--- what to look at"
  echo "  k3s kubectl -n tigera-operator logs deploy/tigera-operator --tail=100"
  echo "  k3s kubectl -n calico-system get pods -o wide; k3s kubectl -n calico-system describe pods"
  echo "  k3s kubectl get installation default -o yaml   (ipPools cidr must equal k3s cluster-cidr)"
  echo "  journalctl -u k3s -n 200; systemctl status k3s"
} >&2
exit 1
