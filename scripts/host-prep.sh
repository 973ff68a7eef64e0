#!/usr/bin/env bash
# host-prep.sh: prepare an Ubuntu VM for k3s + Gitpod.
#   1. wait for cloud-init to finish (exit 0, or 2 = "degraded/recoverable", are accepted);
#   2. check the kernel is >= 5.4 (Gitpod's requirement);
#   3. install linux-headers-$(uname -r) if dpkg says it is missing (for Gitpod's shiftfs loader);
#   4. write /etc/sysctl.d/90-gitpod.conf (inotify limits, IP forwarding) and apply it with
#      `sysctl --system` only when its content changed.
# Idempotent: a second run changes nothing and says so.
#
# Parameters (environment, all optional):
#   GT_ROOT                       prefix for every absolute path written (tests); default ""
#   CLOUD_INIT_TIMEOUT_SECONDS    bound for `cloud-init status --wait`; default 900
#   APT_LOCK_RETRIES              attempts when apt/dpkg is locked; default 20
#   APT_RETRY_DELAY_SECONDS       pause between those attempts; default 15
# Stdin: not read.
# Exit codes: 0 done (or nothing to do); 1 a step failed (message says which and what to do);
#   2 invalid parameter; 3 unsupported host (kernel too old).
set -euo pipefail
SCRIPT_NAME="host-prep"
# shellcheck source-path=SCRIPTDIR source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

GT_ROOT="${GT_ROOT:-}"
CLOUD_INIT_TIMEOUT_SECONDS="${CLOUD_INIT_TIMEOUT_SECONDS:-900}"
APT_LOCK_RETRIES="${APT_LOCK_RETRIES:-20}"
APT_RETRY_DELAY_SECONDS="${APT_RETRY_DELAY_SECONDS:-15}"

require_whole_numbers --of seconds/attempts CLOUD_INIT_TIMEOUT_SECONDS APT_LOCK_RETRIES APT_RETRY_DELAY_SECONDS

changed=0

# --- 1. cloud-init -----------------------------------------------------------------------------
if command -v cloud-init >/dev/null 2>&1; then
  log "waiting for cloud-init to finish (up to ${CLOUD_INIT_TIMEOUT_SECONDS}s)"
  rc=0
  timeout "$CLOUD_INIT_TIMEOUT_SECONDS" cloud-init status --wait >/dev/null 2>&1 || rc=$?
  case "$rc" in
    0) log "cloud-init done" ;;
    2) log "cloud-init done (status degraded/recoverable, accepted)" ;;
    124) die 1 "cloud-init did not finish within ${CLOUD_INIT_TIMEOUT_SECONDS}s: run 'cloud-init status --long' on the VM and read /var/log/cloud-init-output.log" ;;
    *) die 1 "cloud-init reported an error (exit $rc): run 'cloud-init status --long' on the VM and read /var/log/cloud-init.log; recreate the VM if its first boot failed" ;;
  esac
else
  log "cloud-init not installed, not waiting for it"
fi

# --- 2. kernel ---------------------------------------------------------------------------------
kernel="$(uname -r)"
kver="${kernel%%-*}"
kmajor="${kver%%.*}"
krest="${kver#*.}"
kminor="${krest%%.*}"
if ! [[ "$kmajor" =~ ^[0-9]+$ && "$kminor" =~ ^[0-9]+$ ]]; then
  die 3 "cannot read the kernel version from 'uname -r' ($kernel): Gitpod needs >= 5.4, use Ubuntu 20.04 or newer"
fi
if (( kmajor < 5 || (kmajor == 5 && kminor < 4) )); then
  die 3 "kernel $kernel found, Gitpod needs >= 5.4: use Ubuntu 20.04 or newer"
fi
log "kernel $kernel is >= 5.4"

# --- 3. kernel headers -------------------------------------------------------------------------
# Run apt-get, retrying (bounded) while another apt/dpkg process holds the lock
# (unattended-upgrades often runs right after first boot).
apt_get() {
  local attempt out rc
  for ((attempt = 1; attempt <= APT_LOCK_RETRIES; attempt++)); do
    rc=0
    out="$(DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=60 "$@" 2>&1)" || rc=$?
    if [[ "$rc" -eq 0 ]]; then
      return 0
    fi
    if grep -qE 'Could not get lock|Unable to acquire the dpkg frontend lock|Unable to lock|is another process using it' <<<"$out"; then
      log "apt is locked by another process (attempt $attempt/$APT_LOCK_RETRIES), retrying in ${APT_RETRY_DELAY_SECONDS}s"
      sleep "$APT_RETRY_DELAY_SECONDS"
      continue
    fi
    printf '%s\n' "$out" | tail -n 20 >&2
    return "$rc"
  done
  log "apt stayed locked for $APT_LOCK_RETRIES attempts"
  return 1
}

headers="linux-headers-$kernel"
if dpkg -s "$headers" 2>/dev/null | grep -q '^Status: install ok installed'; then
  log "$headers already installed"
else
  log "installing $headers"
  apt_get update -q || die 1 "'apt-get update' failed (output above): check the VM's apt sources (mirrors.tencentyun.com) and network, then re-run"
  apt_get install -y -q --no-install-recommends "$headers" ||
    die 1 "installing $headers failed (output above): the running kernel may not be a packaged Ubuntu kernel; check 'apt-cache policy $headers' on the VM"
  changed=1
fi

# --- 4. sysctl ---------------------------------------------------------------------------------
sysctl_dir="$GT_ROOT/etc/sysctl.d"
sysctl_file="$sysctl_dir/90-gitpod.conf"
sysctl_content='# Written by gitpod-tencent (scripts/host-prep.sh). Do not edit: re-run pulumi up instead.
# Gitpod workspaces (IDEs, file watchers) need many inotify watches and instances.
fs.inotify.max_user_watches=1048576
fs.inotify.max_user_instances=8192
# Pods (and k3s service load balancer pods under Calico) need IP forwarding.
net.ipv4.ip_forward=1'

mkdir -p "$sysctl_dir"
tmp="$(mktemp "$sysctl_dir/.90-gitpod.conf.XXXXXX")"
trap 'rm -f "$tmp"' EXIT
printf '%s\n' "$sysctl_content" >"$tmp"
if [[ -f "$sysctl_file" ]] && cmp -s "$tmp" "$sysctl_file"; then
  log "$sysctl_file unchanged"
  rm -f "$tmp"
else
  chmod 0644 "$tmp"
  mv -f "$tmp" "$sysctl_file"
  log "wrote $sysctl_file, applying with 'sysctl --system'"
  sysctl --system >/dev/null || die 1 "'sysctl --system' failed: run it on the VM to see which setting the kernel rejected"
  changed=1
fi

if [[ "$changed" -eq 0 ]]; then
  log "host already prepared, nothing changed"
else
  log "host prepared"
fi
