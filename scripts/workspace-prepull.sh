#!/usr/bin/env bash
# workspace-prepull.sh: start pulling the workspace image into k3s' containerd in the
#   background, so the first workspace does not wait for a multi-GB download (Gitpod's own
#   preview image does the same: gitpod-io/gitpod 2022.11.3 install/preview/entrypoint.sh).
#   The pull goes through the CRI (`k3s crictl pull`), i.e. through the registry mirrors in
#   /etc/rancher/k3s/registries.yaml, like the kubelet's own pulls; it runs as the transient
#   systemd unit gitpod-tencent-prepull (retried on failure, log: journalctl -u
#   gitpod-tencent-prepull), so this script returns at once and nothing waits on the pull.
#   Nothing happens when the image is already there or the unit is already pulling it; a unit
#   pulling another (earlier) image is stopped first.
#
# Parameters (environment):
#   WORKSPACE_IMAGE   required: the image, e.g. docker.io/gitpod/workspace-full:latest
# Stdin: not read. Writes no file.
# Needs: k3s, systemd-run.
# Exit codes: 0 pull started, running or done; 1 the unit could not be started; 2 invalid input.
set -euo pipefail
SCRIPT_NAME="workspace-prepull"
# shellcheck source-path=SCRIPTDIR source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

[[ "${WORKSPACE_IMAGE:-}" =~ ^[a-z0-9][a-z0-9._/:@-]*$ ]] || die 2 "WORKSPACE_IMAGE '${WORKSPACE_IMAGE:-}' is not an image reference"
unit="gitpod-tencent-prepull"

if k3s crictl inspecti "$WORKSPACE_IMAGE" >/dev/null 2>&1; then
  log "$WORKSPACE_IMAGE is already in containerd"
  exit 0
fi
description="gitpod-tencent: pre-pull $WORKSPACE_IMAGE"
if systemctl is-active --quiet "$unit" && [[ "$(systemctl show --property Description --value "$unit" 2>/dev/null)" == "$description" ]]; then
  log "$WORKSPACE_IMAGE is being pulled already (journalctl -u $unit)"
  exit 0
fi
# A unit still pulling an earlier workspaceImage, or waiting to retry (Restart=on-failure), holds
# the name: stop it, else systemd-run fails with "Unit … already exists".
systemctl stop "$unit" >/dev/null 2>&1 || true
systemctl reset-failed "$unit" >/dev/null 2>&1 || true
systemd-run --unit "$unit" --description "$description" \
  --property Restart=on-failure --property RestartSec=60 \
  "$(command -v k3s)" crictl pull "$WORKSPACE_IMAGE" >/dev/null ||
  die 1 "cannot start the pull of $WORKSPACE_IMAGE (systemd-run $unit)"
log "pulling $WORKSPACE_IMAGE in the background (journalctl -u $unit)"
