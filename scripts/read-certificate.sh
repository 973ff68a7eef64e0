#!/usr/bin/env bash
# read-certificate.sh: print the issued TLS Secret (JSON) so the stack keeps a copy of it.
#   Stdout carries the Secret (a secret) and nothing else; messages go to stderr. Prints nothing
#   when there is no Secret.
#
#   Runs on a VM that may have just been started (a resumed stack reads a renewed certificate):
#   an API that does not answer yet is asked again, within a bound.
#
# Parameters (environment):
#   CERT_NAMESPACE         required: namespace of the Secret
#   TLS_NAME               required: name of the Secret (the Certificate's spec.secretName)
#   API_WAIT_SECONDS       how long to keep asking an API that does not answer; default 180
#   POLL_INTERVAL_SECONDS  pause between attempts; default 5
# Needs: k3s.
# Stdin: not read.
# Exit codes: 0 printed (or no Secret); 1 the Secret could not be read; 2 invalid parameter.
set -euo pipefail
SCRIPT_NAME="read-certificate"
# shellcheck source-path=SCRIPTDIR source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

dns1123='^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$'
[[ "${CERT_NAMESPACE:-}" =~ $dns1123 ]] || die 2 "CERT_NAMESPACE '${CERT_NAMESPACE:-}' is not a Kubernetes namespace name"
[[ "${TLS_NAME:-}" =~ $dns1123 ]] || die 2 "TLS_NAME '${TLS_NAME:-}' is not a Kubernetes object name"

API_WAIT_SECONDS="${API_WAIT_SECONDS:-180}"
POLL_INTERVAL_SECONDS="${POLL_INTERVAL_SECONDS:-5}"
require_whole_numbers --of seconds API_WAIT_SECONDS POLL_INTERVAL_SECONDS

# Read into a variable first so that nothing partial reaches stdout.
deadline=$((SECONDS + API_WAIT_SECONDS))
until secret="$(k3s kubectl -n "$CERT_NAMESPACE" get secret "$TLS_NAME" --ignore-not-found -o json)"; do
  ((SECONDS < deadline)) ||
    die 1 "could not read secret $CERT_NAMESPACE/$TLS_NAME within ${API_WAIT_SECONDS}s; is the k3s API up? ('systemctl status k3s')"
  log "the k3s API does not answer yet; asking again in ${POLL_INTERVAL_SECONDS}s"
  sleep "$POLL_INTERVAL_SECONDS"
done
[[ -n "$secret" ]] || log "no secret $CERT_NAMESPACE/$TLS_NAME to keep"
printf '%s' "$secret"
