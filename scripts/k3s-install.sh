#!/usr/bin/env bash
# k3s-install.sh: install, upgrade or reconfigure the k3s server (or an agent), then wait for its
#   API (for an agent: until it has joined).
#   - writes /etc/rancher/k3s/cluster-token (from stdin), config.yaml and registries.yaml (0600),
#     each only when its content differs;
#   - if `k3s --version` already reports GT_K3S_VERSION: restarts k3s only when one of those files
#     changed (starts it if it is not running), else does nothing;
#   - otherwise downloads the official installer and runs it with INSTALL_K3S_VERSION (this also
#     upgrades in place);
#   - waits (bounded) for `k3s kubectl get --raw=/readyz`. It waits for the API, not for the node
#     to be Ready: with `flannel-backend: none` the node stays NotReady until Calico runs.
#   An agent (GT_K3S_ROLE=agent, config.yaml with `server:`) gets the k3s-agent service instead. Its
#   unit (Type=notify, TimeoutStartSec=0) reports started only once the agent has registered its
#   Node, and would block `systemctl start` forever on a bad token or an unreachable server, so it
#   is started without blocking and waited for, bounded, with its journal on failure.
#
# Parameters (environment):
#   GT_K3S_VERSION           required, e.g. v1.24.13+k3s1
#   GT_K3S_CONFIG_YAML       required, full content of /etc/rancher/k3s/config.yaml
#   GT_K3S_REGISTRIES_YAML   required (may be empty), full content of /etc/rancher/k3s/registries.yaml
#   GT_K3S_MIRROR            "cn" (installer + binaries from rancher-mirror.rancher.cn) or ""
#   GT_K3S_ROLE              "server" (default) or "agent"
#   GT_K3S_READY_TIMEOUT     seconds to wait for the API (an agent: for joining); default 300
#   POLL_INTERVAL_SECONDS pause between API checks; default 5
#   GT_ROOT               prefix for every absolute path written (tests); default ""
# Stdin: the cluster token on the first line (a secret: never in a parameter).
# Exit codes: 0 done; 1 a step failed (message says which and what to do); 2 invalid input.
set -euo pipefail
SCRIPT_NAME="k3s-install"
# shellcheck source-path=SCRIPTDIR source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

GT_ROOT="${GT_ROOT:-}"
GT_K3S_MIRROR="${GT_K3S_MIRROR:-}"
GT_K3S_ROLE="${GT_K3S_ROLE:-server}"
GT_K3S_READY_TIMEOUT="${GT_K3S_READY_TIMEOUT:-300}"
POLL_INTERVAL_SECONDS="${POLL_INTERVAL_SECONDS:-5}"

[[ -n "${GT_K3S_VERSION:-}" ]] || die 2 "GT_K3S_VERSION is not set (expected e.g. v1.24.13+k3s1)"
[[ "$GT_K3S_VERSION" =~ ^v[0-9]+\.[0-9]+\.[0-9]+(-rc[0-9]+)?\+k3s[0-9]+$ ]] ||
  die 2 "GT_K3S_VERSION '$GT_K3S_VERSION' is not a k3s release name (expected e.g. v1.24.13+k3s1)"
[[ -n "${GT_K3S_CONFIG_YAML:-}" ]] || die 2 "GT_K3S_CONFIG_YAML is not set or empty"
[[ -v GT_K3S_REGISTRIES_YAML ]] || die 2 "GT_K3S_REGISTRIES_YAML is not set"
case "$GT_K3S_MIRROR" in
  "" | cn) ;;
  *) die 2 "GT_K3S_MIRROR must be 'cn' or empty, got '$GT_K3S_MIRROR'" ;;
esac
case "$GT_K3S_ROLE" in
  server) service=k3s ;;
  agent) service=k3s-agent ;;
  *) die 2 "GT_K3S_ROLE must be 'server' or 'agent', got '$GT_K3S_ROLE'" ;;
esac
require_whole_numbers --of seconds GT_K3S_READY_TIMEOUT POLL_INTERVAL_SECONDS

# --- token from stdin --------------------------------------------------------------------------
token=""
IFS= read -r token || true
token="${token%$'\r'}"
[[ -n "$token" ]] || die 2 "no cluster token on stdin (first line is empty): the k3s token must be passed on stdin"

umask 077
k3s_dir="$GT_ROOT/etc/rancher/k3s"
mkdir -p "$k3s_dir"

tmpfiles=()
cleanup() { rm -f "${tmpfiles[@]}"; }
trap cleanup EXIT

# write_if_changed PATH CONTENT: writes CONTENT (mode 0600) when it differs from PATH's content.
# Returns 0 when it wrote, 1 when the file was already up to date.
write_if_changed() {
  local dest="$1" content="$2" tmp
  tmp="$(mktemp "${dest%/*}/.${dest##*/}.XXXXXX")"
  tmpfiles+=("$tmp")
  printf '%s' "$content" >"$tmp"
  if [[ -f "$dest" ]] && cmp -s "$tmp" "$dest"; then
    chmod 0600 "$dest"
    rm -f "$tmp"
    return 1
  fi
  chmod 0600 "$tmp"
  mv -f "$tmp" "$dest"
  return 0
}

# Content parameters are written with exactly one trailing newline.
files_changed=0
if write_if_changed "$k3s_dir/cluster-token" "$token"$'\n'; then
  log "wrote $k3s_dir/cluster-token"
  files_changed=1
fi
if write_if_changed "$k3s_dir/config.yaml" "${GT_K3S_CONFIG_YAML%$'\n'}"$'\n'; then
  log "wrote $k3s_dir/config.yaml"
  files_changed=1
fi
registries="${GT_K3S_REGISTRIES_YAML%$'\n'}"
[[ -n "$registries" ]] && registries+=$'\n'
if write_if_changed "$k3s_dir/registries.yaml" "$registries"; then
  log "wrote $k3s_dir/registries.yaml"
  files_changed=1
fi

# --- install / upgrade / restart ---------------------------------------------------------------
# service_ctl VERB: systemctl VERB of the k3s service; an agent's without blocking (see the header).
service_ctl() {
  local no_block=()
  [[ "$GT_K3S_ROLE" == agent ]] && no_block=(--no-block)
  systemctl "$1" "${no_block[@]}" "$service" ||
    die 1 "'systemctl $1 $service' failed: look at 'journalctl -u $service -n 100' and 'systemctl status $service' on the VM"
}

installed=""
if command -v k3s >/dev/null 2>&1; then
  installed="$(k3s --version 2>/dev/null | awk 'NR == 1 { print $3 }')" || installed=""
fi

if [[ "$installed" == "$GT_K3S_VERSION" ]]; then
  if [[ "$files_changed" -eq 1 ]]; then
    log "k3s $GT_K3S_VERSION installed, configuration changed: restarting $service"
    service_ctl restart
  elif ! systemctl is-active --quiet "$service"; then
    log "k3s $GT_K3S_VERSION installed but not running: starting $service"
    service_ctl start
  else
    log "k3s $GT_K3S_VERSION installed and configuration unchanged: nothing to do"
  fi
else
  if [[ -n "$installed" ]]; then
    log "k3s $installed installed, upgrading to $GT_K3S_VERSION"
  else
    log "installing k3s $GT_K3S_VERSION"
  fi
  installer_url="https://get.k3s.io"
  mirror_env=()
  if [[ "$GT_K3S_MIRROR" == "cn" ]]; then
    installer_url="https://rancher-mirror.rancher.cn/k3s/k3s-install.sh"
    mirror_env=(INSTALL_K3S_MIRROR=cn)
  fi
  installer="$(mktemp "${TMPDIR:-/tmp}/k3s-install.XXXXXX")"
  tmpfiles+=("$installer")
  curl -sfL --retry 5 --connect-timeout 20 -o "$installer" "$installer_url" ||
    die 1 "downloading the k3s installer from $installer_url failed: check the VM's outbound HTTPS access (security group egress, DNS); in mainland China set k3sMirror to 'cn'"
  [[ -s "$installer" ]] || die 1 "the k3s installer downloaded from $installer_url is empty: retry, or set k3sMirror to 'cn' in mainland China"
  role_env=()
  [[ "$GT_K3S_ROLE" == agent ]] && role_env=(INSTALL_K3S_SKIP_START=true)
  env "${mirror_env[@]}" "${role_env[@]}" INSTALL_K3S_VERSION="$GT_K3S_VERSION" INSTALL_K3S_EXEC="$GT_K3S_ROLE" sh "$installer" >&2 ||
    die 1 "the k3s installer failed for $GT_K3S_VERSION (output above): check that the release exists (github.com/k3s-io/k3s/releases), then 'journalctl -u $service -n 100' and 'systemctl status $service' on the VM"
  log "k3s $GT_K3S_VERSION installed"
  if [[ "$GT_K3S_ROLE" == agent ]]; then
    service_ctl restart
  fi
fi

if [[ "$GT_K3S_ROLE" == agent ]]; then
  # --- wait for the agent to join --------------------------------------------------------------
  server_url="$(awk '$1 == "server:" { print $2 }' "$k3s_dir/config.yaml")"
  log "waiting up to ${GT_K3S_READY_TIMEOUT}s for the agent to join ${server_url:-the server}"
  deadline=$((SECONDS + GT_K3S_READY_TIMEOUT))
  until systemctl is-active --quiet k3s-agent; do
    if ((SECONDS >= deadline)); then
      journalctl -u k3s-agent -n 30 --no-pager >&2 || true
      die 1 "the k3s agent did not join ${server_url:-the server} within ${GT_K3S_READY_TIMEOUT}s (its journal is above): check that the server's security group lets 6443 in from this subnet, that the token is the server's, and, on 'Node password rejected', that no other Node has this name (delete the old one on the server with 'k3s kubectl delete node <name>')"
    fi
    sleep "$POLL_INTERVAL_SECONDS"
  done
  log "k3s agent joined"
  exit 0
fi

# --- wait for the API --------------------------------------------------------------------------
log "waiting up to ${GT_K3S_READY_TIMEOUT}s for the Kubernetes API (/readyz)"
deadline=$((SECONDS + GT_K3S_READY_TIMEOUT))
until k3s kubectl get --raw=/readyz >/dev/null 2>&1; do
  if ((SECONDS >= deadline)); then
    die 1 "the k3s API did not become ready within ${GT_K3S_READY_TIMEOUT}s: look at 'journalctl -u k3s -n 200' and 'systemctl status k3s' on the VM (bad config.yaml keys and port conflicts show up there)"
  fi
  sleep "$POLL_INTERVAL_SECONDS"
done
log "k3s API ready"
