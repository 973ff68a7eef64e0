#!/usr/bin/env bash
# wait-certificate.sh: wait (bounded) until a cert-manager Certificate has condition Ready=True,
#   holding a certificate from the wanted Let's Encrypt environment.
#   First, if the Certificate's Secret (spec.secretName) holds a certificate issued by the OTHER
#   environment (staging issuers' names start with "(STAGING)", production ones do not), the
#   Secret is deleted, so that cert-manager issues a new one from the current issuer (it does not
#   re-issue a valid certificate when only the issuer's ACME server changed). Only then Ready
#   counts, and only with a certificate from ACME_ENVIRONMENT in the Secret. A Secret that is
#   absent, or already from ACME_ENVIRONMENT, is left alone (a re-run changes nothing).
#   Exits 0 at once if it is already Ready. On timeout prints `kubectl describe certificate`, the
#   CertificateRequests, Orders and Challenges of the namespace with their state and reason,
#   and DNS-01 hints (all on stderr).
#
# Parameters (environment):
#   CERT_NAMESPACE         required: namespace of the Certificate
#   CERT_NAME              required: name of the Certificate
#   ACME_ENVIRONMENT       required: production | staging, the issuer's Let's Encrypt environment
#   WAIT_TIMEOUT_SECONDS   overall bound; default 900
#   POLL_INTERVAL_SECONDS  pause between checks; default 5
# Needs: k3s, base64, openssl. Writes no file (so no GT_ROOT).
# Stdin: not read.
# Exit codes: 0 Ready; 1 timed out (diagnostics printed), or the Certificate/Secret could not be
#   read; 2 invalid parameter.
set -euo pipefail
SCRIPT_NAME="wait-certificate"
# shellcheck source-path=SCRIPTDIR source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

WAIT_TIMEOUT_SECONDS="${WAIT_TIMEOUT_SECONDS:-900}"
POLL_INTERVAL_SECONDS="${POLL_INTERVAL_SECONDS:-5}"

dns1123='^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$'
[[ "${CERT_NAMESPACE:-}" =~ $dns1123 ]] || die 2 "CERT_NAMESPACE '${CERT_NAMESPACE:-}' is not a Kubernetes namespace name"
[[ "${CERT_NAME:-}" =~ $dns1123 ]] || die 2 "CERT_NAME '${CERT_NAME:-}' is not a Kubernetes object name"
case "${ACME_ENVIRONMENT:-}" in
  production) other_environment=staging ;;
  staging) other_environment=production ;;
  *) die 2 "ACME_ENVIRONMENT must be production or staging, got '${ACME_ENVIRONMENT:-}'" ;;
esac
require_whole_numbers --of seconds WAIT_TIMEOUT_SECONDS POLL_INTERVAL_SECONDS
command -v openssl >/dev/null || die 1 "openssl is needed to read the certificate's issuer"

kc() { k3s kubectl -n "$CERT_NAMESPACE" "$@"; }
ref="certificate/$CERT_NAME"

is_ready() {
  local status
  status="$(kc get "$ref" -o jsonpath='{.status.conditions[?(@.type=="Ready")].status}' 2>/dev/null)" || return 1
  [[ "$status" == "True" ]]
}

# The Secret cert-manager writes the certificate into.
secret_name="$(kc get "$ref" -o jsonpath='{.spec.secretName}')" || die 1 "cannot read spec.secretName of $CERT_NAMESPACE/$ref"
[[ "$secret_name" =~ $dns1123 ]] || die 1 "$CERT_NAMESPACE/$ref has no valid spec.secretName ('$secret_name')"

# Which Let's Encrypt environment issued the certificate in the Secret: prints `staging` (the
# issuer's CN starts with "(STAGING)"), `production` (any other issuer), `none` (no Secret, or no
# tls.crt in it yet) or `unreadable` (not a PEM certificate). Status 1 if the Secret cannot be
# read (API error; a missing Secret is not an error).
secret_environment() {
  local data issuer
  data="$(kc get secret "$secret_name" --ignore-not-found -o jsonpath='{.data.tls\.crt}')" || return 1
  if [[ -z "$data" ]]; then
    echo none
    return 0
  fi
  # The first PEM block of tls.crt is the leaf; one "CN=..." line per issuer RDN.
  if ! issuer="$(base64 -d <<<"$data" 2>/dev/null | openssl x509 -noout -issuer -nameopt sep_multiline,sname 2>/dev/null)"; then
    echo unreadable
    return 0
  fi
  if grep -Eq '^[[:space:]]*CN=\(STAGING\)' <<<"$issuer"; then
    echo staging
  else
    echo production
  fi
}

# Set once this run deleted the Secret: from then on a Ready condition counts only with a new
# certificate from ACME_ENVIRONMENT in the Secret (Ready stays True for a moment after the
# deletion, until cert-manager notices).
reissuing=0
found="$(secret_environment)" || die 1 "cannot read Secret $CERT_NAMESPACE/$secret_name"
case "$found" in
  "$other_environment")
    log "Secret $CERT_NAMESPACE/$secret_name holds a Let's Encrypt $other_environment certificate but the issuer now uses $ACME_ENVIRONMENT: deleting it so that cert-manager issues a new one"
    kc delete secret "$secret_name" --ignore-not-found >/dev/null || die 1 "cannot delete Secret $CERT_NAMESPACE/$secret_name"
    reissuing=1
    ;;
  unreadable)
    log "Secret $CERT_NAMESPACE/$secret_name: tls.crt is not a readable certificate; leaving it to cert-manager"
    ;;
esac

# Ready, and (after a deletion) the Secret holds the new certificate from ACME_ENVIRONMENT.
is_done() {
  is_ready || return 1
  if ((reissuing == 0)); then
    return 0
  fi
  local now
  now="$(secret_environment)" || return 1
  [[ "$now" == "$ACME_ENVIRONMENT" ]]
}

if is_done; then
  log "$CERT_NAMESPACE/$ref is Ready"
  exit 0
fi

log "waiting up to ${WAIT_TIMEOUT_SECONDS}s for $CERT_NAMESPACE/$ref to be Ready (DNS-01 with a wildcard usually takes 2-10 minutes)"
deadline=$((SECONDS + WAIT_TIMEOUT_SECONDS))
while :; do
  left=$((deadline - SECONDS))
  ((left > 30)) && left=30
  if ((left >= 1)) && kc wait --for=condition=Ready "$ref" --timeout="${left}s" >/dev/null 2>&1 && is_done; then
    log "$CERT_NAMESPACE/$ref is Ready"
    exit 0
  fi
  if ((SECONDS >= deadline)); then
    break
  fi
  sleep "$POLL_INTERVAL_SECONDS"
done

# One last look: it may have become Ready during the final pause.
if is_done; then
  log "$CERT_NAMESPACE/$ref is Ready"
  exit 0
fi

{
  echo "gitpod-tencent: wait-certificate: ERROR: $CERT_NAMESPACE/$ref not Ready after ${WAIT_TIMEOUT_SECONDS}s"
  if ((reissuing == 1)); then
    now="$(secret_environment 2>/dev/null || echo unknown)"
    echo "  this run deleted Secret $secret_name (a $other_environment certificate) for a new $ACME_ENVIRONMENT one; its certificate now: $now"
    echo "  the next run deletes it again if it still holds a $other_environment certificate; is the issuer Ready on the new server? k3s kubectl describe clusterissuer"
  fi
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
