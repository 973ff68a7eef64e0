#!/usr/bin/env bash
# gitpod-installer.sh: render Gitpod with its own installer and deploy it as one Helm release
#   (gitpodInstaller: installer). No kots, no replicated.app: only the installer image and the
#   images it renders. The steps are those of Gitpod's kots-install.sh (gitpod-io/gitpod tag
#   2022.11.3, install/installer/scripts/kots-install.sh), with the config rendered by the program:
#   1. pull the installer image with `k3s crictl pull` (the CRI pull honours registries.yaml's
#      mirrors; `ctr pull` does not: k3s-io/k3s#5277);
#   2. in that image, run with `k3s ctr run` (no Docker): `config init` (compared with the
#      defaults the program rendered against), `config cluster shiftfs` (as KOTS does; on failure
#      the default fuse stays), `config files containerd` (k3s paths), `validate config`,
#      `validate cluster`, `render`. Any failure stops here: nothing is deployed;
#   3. a release left pending by an interrupted run is rolled back (or uninstalled if it never
#      deployed), as kots-install.sh does;
#   4. `helm upgrade --install --atomic --cleanup-on-fail --wait --timeout` of release `gitpod`
#      from the rendered manifests, with the helm of the installer image (3.8.0, the one
#      kots-install.sh runs): a re-run upgrades in place, a failed deploy rolls back.
#
# Parameters (environment):
#   INSTALLER_IMAGE            required: the release's installer image
#   GITPOD_NAMESPACE           required: namespace of the install
#   INSTALLER_CONFIG_YAML      required: gitpod.config.yaml as lib/installerConfig.ts renders it
#   INSTALLER_CONFIG_DEFAULTS  required: the `config init` output the program rendered against
#   INSTALLER_CHART_YAML       required: Chart.yaml of the release's chart
#   HELM_TIMEOUT_SECONDS       bound for the Helm deploy (--wait); default 1800
#   PULL_TIMEOUT_SECONDS       bound for pulling the installer image; default 600
#   SHIFTFS_TIMEOUT_SECONDS    bound for the installer's ShiftFS check; default 120
#   GT_ROOT                    prefix for the work directory (tests); default ""
# Needs: k3s (its crictl, ctr, kubectl). Stdin: not read (the config holds Secret names only).
# Exit codes: 0 deployed; 1 the deploy failed (rolled back; diagnostics printed); 2 invalid
#   parameter; 3 the installer image cannot be pulled; 4 the installer rejected the config or the
#   cluster (its output shown). With 2, 3 and 4 nothing was deployed.
set -euo pipefail
SCRIPT_NAME="gitpod-installer"
# shellcheck source-path=SCRIPTDIR source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

GT_ROOT="${GT_ROOT:-}"
HELM_TIMEOUT_SECONDS="${HELM_TIMEOUT_SECONDS:-1800}"
PULL_TIMEOUT_SECONDS="${PULL_TIMEOUT_SECONDS:-600}"
SHIFTFS_TIMEOUT_SECONDS="${SHIFTFS_TIMEOUT_SECONDS:-120}"
RELEASE="gitpod"

dns1123='^[a-z0-9]([-a-z0-9]*[a-z0-9])?$'
[[ "${GITPOD_NAMESPACE:-}" =~ $dns1123 ]] || die 2 "GITPOD_NAMESPACE '${GITPOD_NAMESPACE:-}' is not a Kubernetes namespace name"
[[ "${INSTALLER_IMAGE:-}" =~ ^[a-z0-9.:-]+(/[a-z0-9._-]+)+(:[A-Za-z0-9._-]+)?(@sha256:[0-9a-f]{64})?$ ]] ||
  die 2 "INSTALLER_IMAGE '${INSTALLER_IMAGE:-}' is not a fully qualified image reference"
for v in INSTALLER_CONFIG_YAML INSTALLER_CONFIG_DEFAULTS INSTALLER_CHART_YAML; do
  [[ -n "${!v:-}" ]] || die 2 "$v is not set or empty"
done
require_whole_numbers --of seconds HELM_TIMEOUT_SECONDS PULL_TIMEOUT_SECONDS SHIFTFS_TIMEOUT_SECONDS
command -v k3s >/dev/null 2>&1 || die 2 "k3s is not installed on the VM: the cluster stage must run first"

nothing_deployed="nothing was deployed; the previous release (if any) is unchanged"

# --- 1. the installer image, through the configured mirrors --------------------------------------
log "pulling $INSTALLER_IMAGE (through /etc/rancher/k3s/registries.yaml's mirrors)"
if ! pull_output="$(timeout "$PULL_TIMEOUT_SECONDS" k3s crictl pull "$INSTALLER_IMAGE" 2>&1)"; then
  {
    echo "gitpod-tencent: $SCRIPT_NAME: ERROR: the installer image $INSTALLER_IMAGE cannot be pulled: $nothing_deployed."
    echo "  containerd said: $pull_output"
    echo "  What to do: run 'npm run doctor' (it checks this image through your mirrors); if the image is gone"
    echo "  from ${INSTALLER_IMAGE%%/*}, copy it to a registry you control and map it with registryMirrors (README 'Registry mirrors')."
  } >&2
  exit 3
fi

# --- the work directory: config, chart --------------------------------------------------------------
work="$GT_ROOT/var/lib/gitpod-tencent/installer"
umask 077
mkdir -p "$work"
chmod 0700 "$work"
rm -rf "$work/chart"
mkdir -p "$work/chart/templates"
printf '%s\n' "${INSTALLER_CONFIG_YAML%$'\n'}" >"$work/gitpod.config.yaml"
printf '%s\n' "${INSTALLER_CONFIG_DEFAULTS%$'\n'}" >"$work/expected-defaults.yaml"
printf '%s\n' "${INSTALLER_CHART_YAML%$'\n'}" >"$work/chart/Chart.yaml"
# The files are read inside the image, whose user may not be root: readable, still private (0700 dir).
chmod 0644 "$work/gitpod.config.yaml" "$work/expected-defaults.yaml" "$work/chart/Chart.yaml"

kubeconfig="$GT_ROOT/etc/rancher/k3s/k3s.yaml"
containerd_state="$GT_ROOT/run/k3s/containerd"
run_seq=0

# in_image COMMAND [ARG...]: runs COMMAND in the installer image with k3s's containerd: host
# network (the API at 127.0.0.1:6443), the work directory at /work, the kubeconfig at
# /root/.kube/config (where `config cluster`, whose --kubeconfig flag its subcommands do not
# inherit, and helm look by default), k3s's containerd state directory read-only under /host
# (for `config files containerd`; a plain bind, not the running containers' mounts below it).
in_image() {
  run_seq=$((run_seq + 1))
  k3s ctr --namespace k8s.io run --rm --net-host \
    --mount "type=bind,src=$work,dst=/work,options=rbind:rw" \
    --mount "type=bind,src=$kubeconfig,dst=/root/.kube/config,options=rbind:ro" \
    --mount "type=bind,src=$containerd_state,dst=/host/run/k3s/containerd,options=bind:ro" \
    --env HOME=/root --env KUBECONFIG=/root/.kube/config \
    "$INSTALLER_IMAGE" "gitpod-installer-$$-$run_seq" "$@" </dev/null
}

installer() { in_image /app/installer "$@"; }
helm() { in_image /usr/bin/helm "$@"; }

# fail_validation STEP OUTPUT: the installer refused; show what it said.
fail_validation() {
  {
    echo "gitpod-tencent: $SCRIPT_NAME: ERROR: installer $1 failed: $nothing_deployed. The installer said:"
    printf '%s\n' "$2" | sed 's/^/  | /'
    echo "  What to do: fix the setting it names (gitpodConfigPatch, authProviders, allowedEmailDomains, workspaceImage),"
    echo "  or the cluster object it names, then run 'pulumi up' again. The config is on the VM: $work/gitpod.config.yaml"
  } >&2
  exit 4
}

# --- 2. config and validation inside the installer image ------------------------------------------
log "installer: config init (the release's defaults)"
out="$(installer config init --overwrite -c /work/config-init.yaml 2>&1)" || fail_validation "config init" "$out"
if ! cmp -s "$work/config-init.yaml" "$work/expected-defaults.yaml"; then
  log "WARNING: this installer image's defaults differ from those the program rendered against (is it the expected release?):"
  diff -u "$work/expected-defaults.yaml" "$work/config-init.yaml" >&2 || true
fi

log "installer: config cluster shiftfs (as KOTS does)"
if ! out="$(installer config cluster shiftfs -c /work/gitpod.config.yaml -n "$GITPOD_NAMESPACE" \
  --timeout "$SHIFTFS_TIMEOUT_SECONDS" 2>&1)"; then
  log "WARNING: the ShiftFS check did not finish; workspaces use fuse (the default). It said: $out"
fi

log "installer: config files containerd (k3s paths)"
out="$(installer config files containerd -c /work/gitpod.config.yaml --mount-path /host 2>&1)" ||
  fail_validation "config files containerd" "$out"

log "installer: validate config"
out="$(installer validate config -c /work/gitpod.config.yaml 2>&1)" || fail_validation "validate config" "$out"

log "installer: validate cluster"
out="$(installer validate cluster -c /work/gitpod.config.yaml -n "$GITPOD_NAMESPACE" --kubeconfig /root/.kube/config 2>&1)" ||
  fail_validation "validate cluster" "$out"

log "installer: render"
if ! installer render -c /work/gitpod.config.yaml -n "$GITPOD_NAMESPACE" --use-experimental-config \
  >"$work/chart/templates/gitpod.yaml" 2>"$work/render.err"; then
  fail_validation "render" "$(cat "$work/render.err")"
fi
[[ -s "$work/chart/templates/gitpod.yaml" ]] || fail_validation "render" "(no output)"
# Helm would read '{{' in the manifests as template actions: wrap such lines in a raw string,
# exactly as kots-install.sh does.
# shellcheck disable=SC2016
sed -i -r 's/(.*\{\{.*)/{{`\1`}}/' "$work/chart/templates/gitpod.yaml"
chmod 0644 "$work/chart/templates/gitpod.yaml"

# --- 3. a release left pending by an interrupted run ------------------------------------------------
status_json="$(helm status "$RELEASE" -n "$GITPOD_NAMESPACE" -o json 2>/dev/null)" || status_json=""
if [[ "$status_json" =~ \"status\":\"([a-z-]+)\" && "${BASH_REMATCH[1]}" != deployed ]]; then
  state="${BASH_REMATCH[1]}"
  revision=0
  [[ "$status_json" =~ \"version\":([0-9]+) ]] && revision="${BASH_REMATCH[1]}"
  if ((revision <= 1)); then
    log "release $RELEASE is '$state' at revision $revision (an interrupted first install): uninstalling it"
    helm uninstall "$RELEASE" -n "$GITPOD_NAMESPACE" --wait >&2 || true
  else
    log "release $RELEASE is '$state' at revision $revision (an interrupted run): rolling back"
    helm rollback "$RELEASE" -n "$GITPOD_NAMESPACE" --wait >&2 || true
  fi
fi

# --- 4. deploy ---------------------------------------------------------------------------------------
log "helm upgrade --install $RELEASE (bounded by ${HELM_TIMEOUT_SECONDS}s; a failure rolls back)"
if ! helm upgrade --install --atomic --cleanup-on-fail --reset-values --wait \
  --timeout "${HELM_TIMEOUT_SECONDS}s" --namespace "$GITPOD_NAMESPACE" "$RELEASE" /work/chart >&2; then
  {
    echo "gitpod-tencent: $SCRIPT_NAME: ERROR: the deploy of release $RELEASE did not become ready within ${HELM_TIMEOUT_SECONDS}s and was rolled back (--atomic)."
    echo "--- pods not running"
    k3s kubectl -n "$GITPOD_NAMESPACE" get pods --field-selector=status.phase!=Running,status.phase!=Succeeded -o wide 2>&1 || true
    echo "--- recent warning events"
    k3s kubectl -n "$GITPOD_NAMESPACE" get events --field-selector=type=Warning --sort-by=.lastTimestamp 2>&1 | tail -n 20 || true
    echo "  What to do: ImagePullBackOff -> run 'npm run doctor' and set registryMirrors; Pending -> the VM is too small;"
    echo "  then run 'pulumi up' again (it upgrades in place)."
  } >&2
  exit 1
fi
log "release $RELEASE deployed in namespace $GITPOD_NAMESPACE"
