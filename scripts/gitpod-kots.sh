#!/usr/bin/env bash
# gitpod-kots.sh: install Gitpod with kots on the node, headless, or apply a changed config to
#   the installed app.
#   1. kubectl-kots: installs PLUGIN_VERSION to /usr/local/bin/kubectl-kots unless that version
#      is already there (marker file); the archive's sha256 is checked against PLUGIN_SHA256, or
#      when that is empty against the release's checksums file, before anything is unpacked.
#   2. Reads the secrets from stdin and writes the licence and the ConfigValues to files of mode
#      0600 in a 0700 directory; the admin password stays in memory.
#   3. App not installed yet: asks the licence endpoint for the licence first (fails at once with
#      the endpoint's answer if it refuses), then `kubectl kots install <slug>/<channel>` with
#      --no-port-forward, --license-file, --config-values, --app-version-label, --wait-duration.
#      The admin password reaches kots in its environment (KOTS_SHARED_PASSWORD: kots reads
#      every flag from KOTS_<FLAG> through viper), never on a command line.
#      App installed: `kots install` cannot be re-run (licence and config values are one-shot),
#      so a ConfigValues file that differs from the last one applied goes through
#      `kubectl kots set config <slug> --config-file … --merge --deploy` (without --merge every
#      item missing from the file would be cleared); an unchanged one runs nothing.
#      `set config --deploy` returns once kotsadm has created the new version and started its
#      deploy in the background (pkg/version/version.go DeployVersion: `go DeployApp`), so the
#      script then polls `kubectl kots get versions <slug> -o json` (bounded by
#      DEPLOY_WAIT_SECONDS) until the version newer than the one seen before is `deployed`,
#      and fails on `failed` or timeout; then until the installer Job that version started
#      has saved its log (ConfigMap gitpod-installation-status) showing Helm's upgrade passed.
#      Only a config whose deploy passed is recorded as applied: a failed or unfinished deploy
#      is retried by the next run.
#   Facts: replicatedhq/kots v1.102.0 cmd/kots/cli/{install,set-config,root,get-versions}.go,
#   pkg/print/versions.go, pkg/store/types/constants.go, pkg/operator/operator.go DeployApp;
#   the licence request as pkg/replicatedapp/api.go GetLatestLicense makes it.
#
# Parameters (environment):
#   GITPOD_NAMESPACE        required: namespace of the admin console and the app
#   APP_SLUG                required: KOTS app slug (gitpod)
#   APP_CHANNEL             required: channel (stable)
#   APP_VERSION_LABEL       required: version label of the first install (2022.11.3)
#   PLUGIN_VERSION          required: kots release, e.g. 1.102.0
#   PLUGIN_URL              required: URL of kots_linux_amd64.tar.gz
#   PLUGIN_SHA256           its sha256, or "" to use PLUGIN_CHECKSUMS_URL
#   PLUGIN_CHECKSUMS_URL    the release's sha256 checksums file (used when PLUGIN_SHA256 is "")
#   INSTALL_WAIT_DURATION   kots --wait-duration (Go duration); default 15m
#   DEPLOY_WAIT_SECONDS     bound on a changed config's deploy: kotsadm's deploy of the new
#                           version and the installer Job's Helm upgrade (installer_timeout
#                           30m); default 2700
#   POLL_INTERVAL_SECONDS   pause between deploy status checks; default 10
#   GT_ROOT                 prefix for every absolute path written (tests); default ""
# Stdin: three lines, each base64: the admin console password, the licence file, the ConfigValues
#   file (lib/kots.ts kotsStdin). Secrets: never in a parameter.
# Needs: k3s, curl, tar, sha256sum, base64.
# Exit codes: 0 installed or configured (new version deployed); 1 a step failed (kots' output
#   says why) or the new version's deploy failed or timed out; 2 invalid
#   input; 3 the licence endpoint (replicated.app) refused or could not be reached.
set -euo pipefail
SCRIPT_NAME="gitpod-kots"
# shellcheck source-path=SCRIPTDIR source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

GT_ROOT="${GT_ROOT:-}"
PLUGIN_SHA256="${PLUGIN_SHA256:-}"
PLUGIN_CHECKSUMS_URL="${PLUGIN_CHECKSUMS_URL:-}"
INSTALL_WAIT_DURATION="${INSTALL_WAIT_DURATION:-15m}"
DEPLOY_WAIT_SECONDS="${DEPLOY_WAIT_SECONDS:-2700}"
POLL_INTERVAL_SECONDS="${POLL_INTERVAL_SECONDS:-10}"

dns1123='^[a-z0-9]([-a-z0-9]*[a-z0-9])?$'
[[ "${GITPOD_NAMESPACE:-}" =~ $dns1123 ]] || die 2 "GITPOD_NAMESPACE '${GITPOD_NAMESPACE:-}' is not a namespace name"
[[ "${APP_SLUG:-}" =~ $dns1123 ]] || die 2 "APP_SLUG '${APP_SLUG:-}' is not an app slug"
[[ "${APP_CHANNEL:-}" =~ $dns1123 ]] || die 2 "APP_CHANNEL '${APP_CHANNEL:-}' is not a channel name"
[[ -n "${APP_VERSION_LABEL:-}" ]] || die 2 "APP_VERSION_LABEL is not set (e.g. 2022.11.3)"
[[ "${PLUGIN_VERSION:-}" =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]] || die 2 "PLUGIN_VERSION '${PLUGIN_VERSION:-}' is not a kots release such as 1.102.0"
[[ "${PLUGIN_URL:-}" =~ ^https?:// ]] || die 2 "PLUGIN_URL '${PLUGIN_URL:-}' is not a URL"
[[ -z "$PLUGIN_SHA256" || "$PLUGIN_SHA256" =~ ^[0-9a-f]{64}$ ]] || die 2 "PLUGIN_SHA256 must be 64 hex digits or empty"
[[ -n "$PLUGIN_SHA256" || -n "$PLUGIN_CHECKSUMS_URL" ]] || die 2 "set PLUGIN_SHA256 or PLUGIN_CHECKSUMS_URL: the archive is never used unchecked"
[[ "$INSTALL_WAIT_DURATION" =~ ^[0-9]+[smh]$ ]] || die 2 "INSTALL_WAIT_DURATION '$INSTALL_WAIT_DURATION' is not a duration such as 15m"
require_whole_numbers --of seconds DEPLOY_WAIT_SECONDS POLL_INTERVAL_SECONDS

umask 077
work="$GT_ROOT/var/lib/gitpod-tencent/kots"
plugin="$GT_ROOT/usr/local/bin/kubectl-kots"
mkdir -p "$work" "$(dirname "$plugin")"
chmod 0700 "$work"
export KUBECONFIG=/etc/rancher/k3s/k3s.yaml

# --- 1. the kubectl-kots plugin, checked before use --------------------------------------------
install_plugin() {
  local tmp sum expected
  tmp="$(mktemp -d)"
  trap 'rm -rf "$tmp"' RETURN
  log "downloading kots $PLUGIN_VERSION from $PLUGIN_URL"
  curl -fsSL --retry 3 -o "$tmp/kots.tar.gz" "$PLUGIN_URL" || die 1 "cannot download $PLUGIN_URL (set kotsDownloadUrl to a mirror if GitHub is unreachable from the VM)"
  expected="$PLUGIN_SHA256"
  if [[ -z "$expected" ]]; then
    curl -fsSL --retry 3 -o "$tmp/checksums.txt" "$PLUGIN_CHECKSUMS_URL" || die 1 "cannot download the checksums $PLUGIN_CHECKSUMS_URL (or set kotsSha256)"
    expected="$(awk '$2 == "kots_linux_amd64.tar.gz" || $2 == "*kots_linux_amd64.tar.gz" { print $1 }' "$tmp/checksums.txt")"
    [[ "$expected" =~ ^[0-9a-f]{64}$ ]] || die 1 "no sha256 for kots_linux_amd64.tar.gz in $PLUGIN_CHECKSUMS_URL (set kotsSha256)"
  fi
  sum="$(sha256sum "$tmp/kots.tar.gz" | awk '{ print $1 }')"
  [[ "$sum" == "$expected" ]] || die 1 "kots archive sha256 $sum does not match the expected $expected: refusing to install it"
  tar -xzf "$tmp/kots.tar.gz" -C "$tmp" kots || die 1 "the kots archive has no 'kots' binary"
  install -m 0755 "$tmp/kots" "$plugin"
  echo "$PLUGIN_VERSION" >"$work/plugin-version"
  log "kubectl-kots $PLUGIN_VERSION installed (sha256 $sum)"
}

if [[ -x "$plugin" && "$(cat "$work/plugin-version" 2>/dev/null || true)" == "$PLUGIN_VERSION" ]]; then
  log "kubectl-kots $PLUGIN_VERSION already installed"
else
  install_plugin
fi

# --- 2. secrets from stdin ---------------------------------------------------------------------
IFS= read -r password_b64 || die 2 "stdin: expected the admin password (base64) on line 1"
IFS= read -r license_b64 || die 2 "stdin: expected the licence (base64) on line 2"
IFS= read -r values_b64 || die 2 "stdin: expected the ConfigValues (base64) on line 3"
password="$(base64 -d <<<"$password_b64")" || die 2 "stdin line 1 is not base64"
[[ -n "$password" ]] || die 2 "the admin password is empty"
license="$work/license.yaml"
values="$work/config-values.yaml"
base64 -d <<<"$license_b64" >"$license" || die 2 "stdin line 2 is not base64"
base64 -d <<<"$values_b64" >"$values" || die 2 "stdin line 3 is not base64"
chmod 0600 "$license" "$values"
grep -q '^kind: ConfigValues' "$values" || die 2 "the ConfigValues file is not a kots.io/v1beta1 ConfigValues document"
grep -q '^kind: License' "$license" || die 2 "the licence is not a KOTS licence file (kind: License); check the gitpodLicense config"

# Lines of kots' output that mean replicated.app did not hand out the licence or the app
# (pkg/automation/automation.go, pkg/replicatedapp/api.go at v1.102.0).
LICENCE_FAILURES='failed to get latest license|license is expired|failed to verify license signature|failed to create online app|unexpected result from get request'

licence_failure() {
  die 3 "kots could not get the licence or the app from the licence endpoint: $1
  Check the licence and replicated.app from your machine: npm run doctor"
}

# Ask the licence endpoint as kotsadm will (GET <endpoint>/license/<appSlug>, basic auth
# licenseID:licenseID), so that a refused licence fails now, not after kots' wait. The
# credentials go to curl in a config read from stdin, not in its arguments.
check_licence_endpoint() {
  local endpoint id code
  endpoint="$(sed -n "s/^  endpoint: *['\"]\{0,1\}\([^'\"]*\)['\"]\{0,1\} *$/\1/p" "$license" | head -n1)"
  id="$(sed -n "s/^  licenseID: *['\"]\{0,1\}\([^'\"]*\)['\"]\{0,1\} *$/\1/p" "$license" | head -n1)"
  [[ -n "$endpoint" && -n "$id" ]] || die 2 "the licence has no spec.endpoint or spec.licenseID"
  code="$(printf 'user = "%s:%s"\n' "$id" "$id" | curl -sS -K - -o /dev/null -w '%{http_code}' --max-time 30 "$endpoint/license/$APP_SLUG" 2>&1)" ||
    licence_failure "$endpoint unreachable from the VM ($code)"
  [[ "$code" =~ ^2 ]] || licence_failure "$endpoint/license/$APP_SLUG answered HTTP $code"
  log "licence endpoint $endpoint accepts the licence"
}

# Whether the app is installed: no admin console means no; an admin console that cannot list
# its apps stops the run (installing again would fail with "license already exists").
app_installed() {
  k3s kubectl -n "$GITPOD_NAMESPACE" get deployment kotsadm >/dev/null 2>&1 || return 1
  local apps
  apps="$("$plugin" get apps -n "$GITPOD_NAMESPACE" -o json 2>&1)" ||
    die 1 "the admin console in $GITPOD_NAMESPACE does not list its apps ($apps); is it running? k3s kubectl -n $GITPOD_NAMESPACE get pods"
  grep -Eq "\"slug\": *\"$APP_SLUG\"" <<<"$apps"
}

# Runs kots with its output on stderr and in $work/kots.log; on failure, a licence problem
# exits 3, anything else 1.
run_kots() {
  local what="$1"
  shift
  local status=0
  "$@" 2>&1 | tee "$work/kots.log" >&2 || status=$?
  if ((status != 0)); then
    local refused
    refused="$(grep -E "$LICENCE_FAILURES" "$work/kots.log" | head -n 3 || true)"
    [[ -z "$refused" ]] || licence_failure "$refused"
    die 1 "kubectl kots $what failed (exit $status, output above); the admin console: k3s kubectl -n $GITPOD_NAMESPACE get pods"
  fi
}

# The password is exported to kots alone (a subshell), not passed through `env VAR=…`, whose
# arguments other users of the VM could read in /proc.
kots_install() {
  (
    export KOTS_SHARED_PASSWORD="$password"
    "$plugin" install "$APP_SLUG/$APP_CHANNEL" \
      --namespace "$GITPOD_NAMESPACE" \
      --no-port-forward \
      --license-file "$license" \
      --config-values "$values" \
      --app-version-label "$APP_VERSION_LABEL" \
      --wait-duration "$INSTALL_WAIT_DURATION"
  )
}

# The app's versions as "<sequence> <status>" lines, from `kubectl kots get versions -o json`
# (an indented array of {versionLabel, sequence, createdOn, status, deployedAt, source}, newest
# sequence first, 20 a page: pkg/print/versions.go, pkg/store/kotsstore/downstream_store.go).
# Status is one of pending_config, pending, pending_preflight, pending_download, deploying,
# deployed, failed, unknown (pkg/store/types/constants.go). Fails with kots' output.
app_versions() {
  local out
  out="$("$plugin" get versions "$APP_SLUG" -n "$GITPOD_NAMESPACE" -o json 2>&1)" || {
    echo "$out"
    return 1
  }
  tr -d ' \n' <<<"$out" | grep -o '"sequence":[0-9]*,"createdOn":"[^"]*","status":"[a-z_]*"' |
    sed 's/"sequence":\([0-9]*\),.*"status":"\([a-z_]*\)"/\1 \2/' || true
}

# The highest sequence the app has (-1: none listed).
latest_sequence() {
  local versions
  versions="$(app_versions)" ||
    die 1 "the admin console in $GITPOD_NAMESPACE does not list the versions of $APP_SLUG ($versions); is it running? k3s kubectl -n $GITPOD_NAMESPACE get pods"
  awk 'BEGIN { max = -1 } $1 > max { max = $1 } END { print max }' <<<"$versions"
}

kc() { k3s kubectl -n "$GITPOD_NAMESPACE" "$@"; }

# Waits until kotsadm has deployed the version newer than sequence $1 that `set config
# --deploy` created; kotsadm deploys it in the background after the command returned. A
# listing that fails now and then (the port-forward to kotsadm) is retried.
wait_deployed_after() {
  local before="$1" versions seq status
  local pointer="kotsadm's log: k3s kubectl -n $GITPOD_NAMESPACE logs deploy/kotsadm; versions: kubectl kots get versions $APP_SLUG -n $GITPOD_NAMESPACE"
  while :; do
    versions="$(app_versions)" || log "cannot list the versions yet: $versions"
    read -r seq status < <(awk -v b="$before" '$1 > b' <<<"$versions" | sort -n -r | head -n 1) || true
    case "${status:-}" in
      deployed)
        log "version $seq of $APP_SLUG deployed by kotsadm"
        return 0 ;;
      failed)
        die 1 "kotsadm failed to deploy version $seq of $APP_SLUG (the changed config); $pointer. The next run applies the config again" ;;
    esac
    ((SECONDS < deadline)) ||
      die 1 "version ${seq:-newer than $before} of $APP_SLUG not deployed after ${DEPLOY_WAIT_SECONDS}s (status ${status:-not listed}); $pointer. The next run applies the config again"
    log "waiting for kotsadm to deploy the new version of $APP_SLUG (sequence ${seq:-?}: ${status:-not listed yet})"
    sleep "$POLL_INTERVAL_SECONDS"
  done
}

# The installer Job's log: kots-install.sh saves it on exit, pass or fail, in ConfigMap
# gitpod-installation-status (key gitpod-installer.log) with `kubectl apply`, so a finished
# run changes its resourceVersion (gitpod-io/gitpod 2022.11.3
# install/installer/scripts/kots-install.sh `catch`). Prints the resourceVersion, or nothing.
installer_log_version() {
  kc get configmap gitpod-installation-status -o jsonpath='{.metadata.resourceVersion}' 2>/dev/null || true
}

# For Gitpod "deployed" only means kotsadm applied the manifests: the installer Job of the new
# version (installer-<cursor>, ttlSecondsAfterFinished 0) then runs `helm upgrade --atomic`,
# which rolls back on failure while the old pods keep serving. Waits until that Job saved a
# new log (resourceVersion other than $1) and checks the line its script prints only after
# the upgrade succeeded.
wait_installer_after() {
  local before="$1" now
  local pointer="the installer Job: k3s kubectl -n $GITPOD_NAMESPACE get jobs,pods -l component=gitpod-installer"
  while now="$(installer_log_version)"; [[ -z "$now" || "$now" == "$before" ]]; do
    ((SECONDS < deadline)) ||
      die 1 "the installer Job of the new version of $APP_SLUG did not finish within ${DEPLOY_WAIT_SECONDS}s; $pointer. The next run applies the config again"
    log "waiting for the installer Job (helm upgrade) of the new version to finish"
    sleep "$POLL_INTERVAL_SECONDS"
  done
  local installer_log
  installer_log="$(kc get configmap gitpod-installation-status -o jsonpath='{.data.gitpod-installer\.log}' 2>&1 || true)"
  grep -q '^Gitpod: Restarting installation status job' <<<"$installer_log" ||
    die 1 "the installer Job of the new version of $APP_SLUG failed (helm rolled back; the old config is still live). Its log ends:
$(tail -n 20 <<<"$installer_log")
  Full log: k3s kubectl -n $GITPOD_NAMESPACE get configmap gitpod-installation-status -o jsonpath='{.data.gitpod-installer\.log}'. The next run applies the config again"
  log "the installer Job upgraded Gitpod's Helm release with the new config"
}

applied="$work/config-values.applied.sha256"
current="$(sha256sum "$values" | awk '{ print $1 }')"

if app_installed; then
  if [[ "$(cat "$applied" 2>/dev/null || true)" == "$current" ]]; then
    log "app $APP_SLUG installed and its config unchanged: nothing to do"
    exit 0
  fi
  before="$(latest_sequence)"
  log_before="$(installer_log_version)"
  deadline=$((SECONDS + DEPLOY_WAIT_SECONDS))
  log "app $APP_SLUG installed (latest version $before): applying the changed config (kots set config --merge --deploy, then up to ${DEPLOY_WAIT_SECONDS}s for its deploy)"
  run_kots "set config" "$plugin" set config "$APP_SLUG" --namespace "$GITPOD_NAMESPACE" --config-file "$values" --merge --deploy
  wait_deployed_after "$before"
  wait_installer_after "$log_before"
else
  check_licence_endpoint
  log "installing $APP_SLUG/$APP_CHANNEL $APP_VERSION_LABEL into namespace $GITPOD_NAMESPACE (kots waits up to $INSTALL_WAIT_DURATION)"
  run_kots install kots_install
fi
echo "$current" >"$applied"
log "done"
