#!/usr/bin/env bash
# gitpod-auth-reload.sh: make Gitpod's server read changed auth-provider Secrets (a rotated
#   clientSecret, a new clientId). The server reads /gitpod/auth-providers/<name>/provider once,
#   at start (gitpod-io/gitpod 2022.11.3 components/server/src/config.ts; the Secrets are mounted
#   by install/installer/pkg/components/server/deployment.go), and a changed Secret changes
#   nothing in the rendered manifests (they name the Secrets only), so neither kots nor Helm
#   restarts it. The digest of the provider documents is recorded as an annotation of
#   Deployment `server` (object metadata: recording it restarts nothing):
#   - no Deployment `server` yet: nothing to do (the install starts it with the current Secrets);
#   - no digest recorded: the server started with the current Secrets (they are made before the
#     install): record it;
#   - a different digest: `kubectl rollout restart deployment/server`, wait for the rollout
#     (bounded), record it.
#
# Parameters (environment):
#   GITPOD_NAMESPACE          required: Gitpod's namespace
#   ROLLOUT_TIMEOUT_SECONDS   bound of the rollout wait; default 600
# Stdin: one line, the sha256 (hex) of the provider documents (derived from the client secrets,
#   so it stays out of the command line).
# Needs: k3s (kubectl).
# Exit codes: 0 the server runs with the current Secrets; 1 kubectl failed or the rollout timed
#   out (diagnostics printed); 2 invalid input.
set -euo pipefail
SCRIPT_NAME="gitpod-auth-reload"
# shellcheck source-path=SCRIPTDIR source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

ROLLOUT_TIMEOUT_SECONDS="${ROLLOUT_TIMEOUT_SECONDS:-600}"
ANNOTATION="gitpod-tencent/auth-providers-sha256"

[[ "${GITPOD_NAMESPACE:-}" =~ ^[a-z0-9]([-a-z0-9]*[a-z0-9])?$ ]] || die 2 "GITPOD_NAMESPACE '${GITPOD_NAMESPACE:-}' is not a namespace name"
require_whole_numbers --of seconds ROLLOUT_TIMEOUT_SECONDS
IFS= read -r digest || die 2 "stdin: expected the auth providers' sha256 on line 1"
[[ "$digest" =~ ^[0-9a-f]{64}$ ]] || die 2 "stdin line 1 is not a sha256"

kc() { k3s kubectl -n "$GITPOD_NAMESPACE" "$@"; }

exists="$(kc get deployment server --ignore-not-found -o name)" ||
  die 1 "cannot read Deployment $GITPOD_NAMESPACE/server: is the cluster up? (k3s kubectl get nodes)"
if [[ -z "$exists" ]]; then
  log "Deployment server not there yet: it will start with the current auth-provider Secrets"
  exit 0
fi

recorded="$(kc get deployment server -o jsonpath="{.metadata.annotations.$ANNOTATION}")" ||
  die 1 "cannot read Deployment $GITPOD_NAMESPACE/server"
if [[ "$recorded" == "$digest" ]]; then
  log "auth providers unchanged: nothing to do"
  exit 0
fi

if [[ -n "$recorded" ]]; then
  log "auth-provider Secrets changed: restarting Deployment server so that it reads them"
  kc rollout restart deployment/server >&2 || die 1 "kubectl rollout restart deployment/server failed"
  if ! kc rollout status deployment/server --timeout "${ROLLOUT_TIMEOUT_SECONDS}s" >&2; then
    {
      echo "gitpod-tencent: $SCRIPT_NAME: ERROR: Deployment server did not roll out within ${ROLLOUT_TIMEOUT_SECONDS}s after the auth-provider change."
      echo "--- server pods"
      kc get pods -l component=server -o wide 2>&1 || true
      echo "  What to do: k3s kubectl -n $GITPOD_NAMESPACE logs deploy/server (a malformed provider document is reported there), then run 'pulumi up' again."
    } >&2
    exit 1
  fi
fi
kc annotate deployment server --overwrite "$ANNOTATION=$digest" >/dev/null || die 1 "cannot annotate Deployment $GITPOD_NAMESPACE/server"
log "auth providers recorded (sha256 ${digest:0:12}…)"
