#!/usr/bin/env bash
# restore-certificate.sh: put a kept TLS Secret back into a new cluster before its Certificate
#   is applied, so cert-manager adopts the certificate instead of ordering a new one from
#   Let's Encrypt (5 per week for the same names). Runs once per cluster.
#   Stdin: the Secret manifest (JSON, rendered by lib/keptCertificate.ts, only when the kept
#   certificate fits the domain and ACME server), or nothing. An existing Secret is never
#   touched: cert-manager owns it once it exists.
#
# Parameters (environment):
#   CERT_NAMESPACE   required: namespace of the Secret (exists already)
#   TLS_NAME         required: name of the Secret (the Certificate's spec.secretName)
# Needs: k3s.
# Exit codes: 0 restored, or nothing to do; 1 the Secret could not be read or created;
#   2 invalid parameter.
set -euo pipefail
SCRIPT_NAME="restore-certificate"
# shellcheck source-path=SCRIPTDIR source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

dns1123='^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$'
[[ "${CERT_NAMESPACE:-}" =~ $dns1123 ]] || die 2 "CERT_NAMESPACE '${CERT_NAMESPACE:-}' is not a Kubernetes namespace name"
[[ "${TLS_NAME:-}" =~ $dns1123 ]] || die 2 "TLS_NAME '${TLS_NAME:-}' is not a Kubernetes object name"

manifest="$(cat)"
if [[ -z "$manifest" ]]; then
  log "no kept certificate fits this domain and ACME server: cert-manager will order one"
  exit 0
fi

existing="$(k3s kubectl -n "$CERT_NAMESPACE" get secret "$TLS_NAME" --ignore-not-found -o name)" ||
  die 1 "could not read secret $CERT_NAMESPACE/$TLS_NAME; is the k3s API up? ('systemctl status k3s')"
if [[ -n "$existing" ]]; then
  log "$CERT_NAMESPACE/$TLS_NAME exists already: left to cert-manager"
  exit 0
fi

printf '%s\n' "$manifest" | k3s kubectl create -f - >/dev/null ||
  die 1 "could not create secret $CERT_NAMESPACE/$TLS_NAME from the kept certificate"
log "restored $CERT_NAMESPACE/$TLS_NAME from the kept certificate: cert-manager adopts it while it is valid"
