#!/usr/bin/env bash
# read-kubeconfig.sh: print the k3s admin kubeconfig, pointed at the VM's public address.
#   Waits (bounded) for /etc/rancher/k3s/k3s.yaml, then prints it on stdout with
#   `server: https://127.0.0.1:6443` rewritten to `server: https://$GT_K3S_PUBLIC_HOST:6443`.
#   Stdout carries the kubeconfig (a secret) and nothing else; messages go to stderr.
#
# Parameters (environment):
#   GT_K3S_PUBLIC_HOST          required: public IP or DNS name of the VM (IPv6 without brackets)
#   KUBECONFIG_WAIT_SECONDS  bound for waiting for the file; default 120
#   POLL_INTERVAL_SECONDS    pause between checks; default 2
#   RENEW_WITHIN_DAYS           when the file's client certificate expires within this many days,
#                            restart k3s first (k3s renews its certificates that expire within 90
#                            days when it starts, and rewrites the file) and wait for the renewed
#                            file; default 0 (never)
#   GT_ROOT                  prefix for every absolute path read (tests); default ""
# Needs: openssl and base64 (with RENEW_WITHIN_DAYS > 0), systemctl (to restart k3s).
# Stdin: not read.
# Exit codes: 0 printed; 1 file missing after the wait, or it has no 127.0.0.1:6443 server line;
#   2 invalid parameter.
set -euo pipefail
SCRIPT_NAME="read-kubeconfig"
# shellcheck source-path=SCRIPTDIR source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

GT_ROOT="${GT_ROOT:-}"
KUBECONFIG_WAIT_SECONDS="${KUBECONFIG_WAIT_SECONDS:-120}"
POLL_INTERVAL_SECONDS="${POLL_INTERVAL_SECONDS:-2}"
RENEW_WITHIN_DAYS="${RENEW_WITHIN_DAYS:-0}"

host="${GT_K3S_PUBLIC_HOST:-}"
[[ -n "$host" ]] || die 2 "GT_K3S_PUBLIC_HOST is not set (the VM's public IP or DNS name)"
if [[ "$host" =~ ^[0-9A-Fa-f:]+$ && "$host" == *:* ]]; then
  host="[$host]"
elif ! [[ "$host" =~ ^[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?$ ]]; then
  die 2 "GT_K3S_PUBLIC_HOST '$host' is not an IP address or DNS name"
fi
require_whole_numbers --of seconds KUBECONFIG_WAIT_SECONDS POLL_INTERVAL_SECONDS
require_whole_numbers --of days RENEW_WITHIN_DAYS

file="$GT_ROOT/etc/rancher/k3s/k3s.yaml"
deadline=$((SECONDS + KUBECONFIG_WAIT_SECONDS))
until [[ -s "$file" ]] && grep -q '^[[:space:]]*server:' "$file"; do
  if ((SECONDS >= deadline)); then
    die 1 "$file did not appear within ${KUBECONFIG_WAIT_SECONDS}s: k3s is not running or failed to start; look at 'systemctl status k3s' and 'journalctl -u k3s -n 100' on the VM"
  fi
  sleep "$POLL_INTERVAL_SECONDS"
done

# True when the file's client certificate is still valid RENEW_WITHIN_DAYS from now.
client_certificate_lasts() {
  local data
  data="$(awk '/^[[:space:]]*client-certificate-data:/ { print $2; exit }' "$file")"
  [[ -n "$data" ]] && printf '%s' "$data" | base64 -d 2>/dev/null |
    openssl x509 -noout -checkend "$((RENEW_WITHIN_DAYS * 86400))" >/dev/null 2>&1
}

if ((RENEW_WITHIN_DAYS > 0)) && ! client_certificate_lasts; then
  log "the kubeconfig's client certificate expires within ${RENEW_WITHIN_DAYS} days: restarting k3s to renew the cluster's certificates"
  systemctl restart k3s || die 1 "could not restart k3s to renew its certificates; look at 'systemctl status k3s'"
  until client_certificate_lasts; do
    if ((SECONDS >= deadline)); then
      die 1 "$file still holds a client certificate expiring within ${RENEW_WITHIN_DAYS} days after restarting k3s; run 'k3s certificate rotate' with k3s stopped (https://docs.k3s.io/cli/certificate)"
    fi
    sleep "$POLL_INTERVAL_SECONDS"
  done
  log "certificates renewed"
fi

# Rewrite into a variable first so that nothing reaches stdout unless the rewrite succeeded.
out="$(awk -v host="$host" '
  /^[[:space:]]*server:[[:space:]]*https:\/\/127\.0\.0\.1:6443[[:space:]]*$/ {
    sub(/https:\/\/127\.0\.0\.1:6443/, "https://" host ":6443"); n++
  }
  { print }
  END { if (n == 0) exit 3 }
' "$file")" || die 1 "$file has no 'server: https://127.0.0.1:6443' line to rewrite (was k3s started with a different https-listen-port or bind-address?)"
printf '%s\n' "$out"
