#!/usr/bin/env bash
# wait-certificate.sh: wait (bounded) until a cert-manager Certificate has condition Ready=True.
#   Exits 0 at once if it is already Ready. On timeout prints `kubectl describe certificate`, the
#   CertificateRequests, Orders and Challenges of the namespace with their state and reason,
#   and DNS-01 hints (all on stderr).
#
# Parameters (environment):
#   CERT_NAMESPACE         required: namespace of the Certificate
#   CERT_NAME              required: name of the Certificate
#   WAIT_TIMEOUT_SECONDS   overall bound; default 900
#   POLL_INTERVAL_SECONDS  pause between checks; default 5
# Stdin: not read.
# Exit codes: 0 Ready; 1 timed out (diagnostics printed); 2 invalid parameter.
set -euo pipefail

WAIT_TIMEOUT_SECONDS="${WAIT_TIMEOUT_SECONDS:-900}"
POLL_INTERVAL_SECONDS="${POLL_INTERVAL_SECONDS:-5}"

log() { echo "gitpod-tencent: wait-certificate: $*" >&2; }
die() {
  local code="$1"
  shift
  echo "gitpod-tencent: wait-certificate: ERROR: $*" >&2
  exit "$code"
}

dns1123='^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$'
[[ "${CERT_NAMESPACE:-}" =~ $dns1123 ]] || die 2 "CERT_NAMESPACE '${CERT_NAMESPACE:-}' is not a Kubernetes namespace name"
[[ "${CERT_NAME:-}" =~ $dns1123 ]] || die 2 "CERT_NAME '${CERT_NAME:-}' is not a Kubernetes object name"
for v in WAIT_TIMEOUT_SECONDS POLL_INTERVAL_SECONDS; do
  [[ "${!v}" =~ ^[0-9]+$ ]] || die 2 "$v must be a whole number of seconds, got '${!v}'"
done

kc() { k3s kubectl -n "$CERT_NAMESPACE" "$@"; }
ref="certificate/$CERT_NAME"

is_ready() {
  local status
  status="$(kc get "$ref" -o jsonpath='{.status.conditions[?(@.type=="Ready")].status}' 2>/dev/null)" || return 1
  [[ "$status" == "True" ]]
}

if is_ready; then
  log "$CERT_NAMESPACE/$ref is Ready"
  exit 0
fi

log "waiting up to ${WAIT_TIMEOUT_SECONDS}s for $CERT_NAMESPACE/$ref to be Ready (DNS-01 with a wildcard usually takes 2-10 minutes)"
deadline=$((SECONDS + WAIT_TIMEOUT_SECONDS))
while :; do
  left=$((deadline - SECONDS))
  ((left > 30)) && left=30
  if ((left >= 1)) && kc wait --for=condition=Ready "$ref" --timeout="${left}s" >/dev/null 2>&1; then
    log "$CERT_NAMESPACE/$ref is Ready"
    exit 0
  fi
  if ((SECONDS >= deadline)); then
    break
  fi
  sleep "$POLL_INTERVAL_SECONDS"
done

# One last look: it may have become Ready during the final pause.
if is_ready; then
  log "$CERT_NAMESPACE/$ref is Ready"
  exit 0
fi

{
  echo "gitpod-tencent: wait-certificate: ERROR: $CERT_NAMESPACE/$ref not Ready after ${WAIT_TIMEOUT_SECONDS}s"
  echo "--- kubectl describe $ref"
  kc describe "$ref" 2>&1 || true
  echo "--- certificaterequests"
  kc get certificaterequests.cert-manager.io -o wide 2>&1 || true
  echo "--- orders"
  kc get orders.acme.cert-manager.io -o wide 2>&1 || true
  echo "--- challenges"
  kc get challenges.acme.cert-manager.io \
    -o custom-columns='NAME:.metadata.name,DOMAIN:.spec.dnsName,TYPE:.spec.type,STATE:.status.state,REASON:.status.reason' 2>&1 || true
  echo "--- what to look at"
  domains="$(kc get "$ref" -o jsonpath='{.spec.dnsNames[*]}' 2>/dev/null || true)"
  read -r -a domain_list <<<"$domains" || true
  seen=" "
  for d in "${domain_list[@]}"; do
    d="${d#\*.}"
    [[ "$seen" == *" $d "* ]] && continue
    seen+="$d "
    echo "  the TXT record _acme-challenge.$d must be visible at the recursive nameservers cert-manager uses:"
    echo "    dig +short TXT _acme-challenge.$d @119.29.29.29; dig +short TXT _acme-challenge.$d @8.8.8.8"
  done
  echo "  the DNSPod (Tencent Cloud API) key needs permission to create/delete records in the zone"
  echo "  k3s kubectl -n cert-manager logs deploy/cert-manager-webhook-dnspod --tail=100"
  echo "  k3s kubectl -n cert-manager logs deploy/cert-manager --tail=100"
} >&2
exit 1
