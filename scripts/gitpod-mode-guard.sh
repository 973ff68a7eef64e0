#!/usr/bin/env bash
# gitpod-mode-guard.sh: make sure only one installer (kots or Gitpod's installer) ever manages the
#   Gitpod namespace. Both modes' Helm releases are named `gitpod`; kotsadm re-applies its own on
#   every deploy, so two installers in one namespace would undo each other.
#   Which mode owns the namespace: the ConfigMap gitpod-tencent-install-mode (key `mode`) this
#   script writes; without it, a Deployment `kotsadm` means kots (installs made before the marker).
#   - owned by another mode: exit 5 with what to do (nothing is changed);
#   - owned by this mode, or by none: record this mode in the ConfigMap, exit 0.
#
# Parameters (environment):
#   GITPOD_NAMESPACE  required: namespace of the install (it exists: the TLS stage made it)
#   INSTALL_MODE      required: kots | installer
# Needs: k3s (kubectl). Stdin: not read.
# Exit codes: 0 this mode may install; 1 the cluster could not be read or written; 2 invalid
#   parameter; 5 another mode owns the namespace.
set -euo pipefail
SCRIPT_NAME="gitpod-mode-guard"
# shellcheck source-path=SCRIPTDIR source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

MARKER="gitpod-tencent-install-mode"

dns1123='^[a-z0-9]([-a-z0-9]*[a-z0-9])?$'
[[ "${GITPOD_NAMESPACE:-}" =~ $dns1123 ]] || die 2 "GITPOD_NAMESPACE '${GITPOD_NAMESPACE:-}' is not a Kubernetes namespace name"
case "${INSTALL_MODE:-}" in
  kots | installer) ;;
  *) die 2 "INSTALL_MODE must be kots or installer, got '${INSTALL_MODE:-}'" ;;
esac

kc() { k3s kubectl -n "$GITPOD_NAMESPACE" "$@"; }

recorded="$(kc get configmap "$MARKER" --ignore-not-found -o jsonpath='{.data.mode}')" ||
  die 1 "cannot read ConfigMap $GITPOD_NAMESPACE/$MARKER: is the cluster up? (k3s kubectl get nodes)"
owner="$recorded"
evidence="ConfigMap $MARKER"
if [[ -z "$owner" ]]; then
  kotsadm="$(kc get deployment kotsadm --ignore-not-found -o name)" ||
    die 1 "cannot read Deployment $GITPOD_NAMESPACE/kotsadm: is the cluster up? (k3s kubectl get nodes)"
  if [[ -n "$kotsadm" ]]; then
    owner=kots
    evidence="Deployment kotsadm"
  fi
fi

if [[ -n "$owner" && "$owner" != "$INSTALL_MODE" ]]; then
  {
    echo "gitpod-tencent: $SCRIPT_NAME: ERROR: namespace $GITPOD_NAMESPACE holds a Gitpod installed in '$owner' mode ($evidence), but gitpodInstaller is now '$INSTALL_MODE'."
    echo "  Switching modes on an existing install is refused: two installers would manage one namespace. Nothing was changed."
    echo "  Either set it back:   pulumi config set gitpodInstaller $owner"
    echo "  or uninstall first (README 'Switching gitpodInstaller'), then run 'pulumi up' again."
  } >&2
  exit 5
fi

if [[ "$recorded" != "$INSTALL_MODE" ]]; then
  kc create configmap "$MARKER" --from-literal=mode="$INSTALL_MODE" --dry-run=client -o yaml | kc apply -f - >/dev/null ||
    die 1 "cannot write ConfigMap $GITPOD_NAMESPACE/$MARKER"
  log "namespace $GITPOD_NAMESPACE: recorded install mode '$INSTALL_MODE'"
else
  log "namespace $GITPOD_NAMESPACE: install mode '$INSTALL_MODE' (unchanged)"
fi
