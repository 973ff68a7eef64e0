#!/usr/bin/env bash
# read-certificate.sh: print the issued TLS Secret (JSON) so the stack keeps a copy of it.
#   Stdout carries the Secret (a secret) and nothing else; messages go to stderr. Prints nothing
#   when there is no Secret.
#
# Parameters (environment):
#   CERT_NAMESPACE   required: namespace of the Secret
#   TLS_NAME         required: name of the Secret (the Certificate's spec.secretName)
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

# Read into a variable first so that nothing partial reaches stdout.
secret="$(k3s kubectl -n "$CERT_NAMESPACE" get secret "$TLS_NAME" --ignore-not-found -o json)" ||
  die 1 "could not read secret $CERT_NAMESPACE/$TLS_NAME; is the k3s API up? ('systemctl status k3s')"
[[ -n "$secret" ]] || log "no secret $CERT_NAMESPACE/$TLS_NAME to keep"
printf '%s' "$secret"
