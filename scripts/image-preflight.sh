#!/usr/bin/env bash
# image-preflight.sh: check, before installing Gitpod, that every image it needs can be pulled.
#   For each image, sends HTTP HEAD for its manifest to each candidate URL in order (the order
#   containerd tries: mirrors, then the upstream registry) and stops at the first 2xx. Handles
#   the registry token dance: on 401 with `WWW-Authenticate: Bearer realm=...,service=...,
#   scope=...` it fetches an anonymous token from the realm and retries with it. HEAD only: no
#   image is pulled. Images are checked in parallel (bounded pool), within an overall time bound.
#
# Parameters (environment):
#   IMAGE_CHECKS                       required: one image per line,
#                                      `<image-ref> <manifest-url> [<manifest-url>...]` where each
#                                      URL is https://<host>/v2/<repo>/manifests/<tag-or-digest>;
#                                      blank lines and lines starting with # are ignored
#   PREFLIGHT_TIMEOUT_SECONDS          overall bound; default 600
#   PREFLIGHT_PARALLEL                 images checked at once; default 8
#   PREFLIGHT_REQUEST_TIMEOUT_SECONDS  bound for one HTTP request; default 20
# Stdin: not read.
# Output (stdout): `missing: <image> (tried: <host>, <host>)` per missing image, then a summary.
#   Per-host HTTP status details and progress go to stderr.
# Exit codes: 0 all present; 1 at least one image missing; 2 invalid parameter or curl absent;
#   3 the time bound ran out before every image was checked (none found missing).
set -euo pipefail
SCRIPT_NAME="image-preflight"
# shellcheck source-path=SCRIPTDIR source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

PREFLIGHT_TIMEOUT_SECONDS="${PREFLIGHT_TIMEOUT_SECONDS:-600}"
PREFLIGHT_PARALLEL="${PREFLIGHT_PARALLEL:-8}"
PREFLIGHT_REQUEST_TIMEOUT_SECONDS="${PREFLIGHT_REQUEST_TIMEOUT_SECONDS:-20}"

require_whole_numbers PREFLIGHT_TIMEOUT_SECONDS PREFLIGHT_PARALLEL PREFLIGHT_REQUEST_TIMEOUT_SECONDS
((PREFLIGHT_PARALLEL >= 1)) || die 2 "PREFLIGHT_PARALLEL must be at least 1"
((PREFLIGHT_REQUEST_TIMEOUT_SECONDS >= 1)) || die 2 "PREFLIGHT_REQUEST_TIMEOUT_SECONDS must be at least 1"
[[ -n "${IMAGE_CHECKS:-}" ]] || die 2 "IMAGE_CHECKS is not set or empty"
command -v curl >/dev/null 2>&1 || die 2 "curl is not installed on the VM: run 'apt-get install -y curl'"

# Parse and validate all lines first, so that a bad line fails before any request.
images=()
url_lists=()
lineno=0
while IFS= read -r line || [[ -n "$line" ]]; do
  lineno=$((lineno + 1))
  line="${line%$'\r'}"
  [[ -z "${line//[[:space:]]/}" || "$line" =~ ^[[:space:]]*# ]] && continue
  read -r -a fields <<<"$line"
  ((${#fields[@]} >= 2)) || die 2 "IMAGE_CHECKS line $lineno ('$line'): expected '<image> <manifest-url> [<manifest-url>...]'"
  for u in "${fields[@]:1}"; do
    [[ "$u" =~ ^https?://[^/]+/v2/.+/manifests/[^/]+$ ]] ||
      die 2 "IMAGE_CHECKS line $lineno: '$u' is not a manifest URL (https://<host>/v2/<repo>/manifests/<ref>)"
  done
  images+=("${fields[0]}")
  url_lists+=("${fields[*]:1}")
done <<<"$IMAGE_CHECKS"
((${#images[@]} > 0)) || die 2 "IMAGE_CHECKS has no image lines"

ACCEPT='application/vnd.oci.image.index.v1+json, application/vnd.docker.distribution.manifest.list.v2+json, application/vnd.docker.distribution.manifest.v2+json, application/vnd.oci.image.manifest.v1+json'

workdir="$(mktemp -d "${TMPDIR:-/tmp}/image-preflight.XXXXXX")"
trap 'rm -rf "$workdir"' EXIT

deadline=$((SECONDS + PREFLIGHT_TIMEOUT_SECONDS))

# The helpers below return values in globals (REQ_TIME, STATUS, TOKEN) instead of printing
# them, to avoid a subshell per call; each check_image runs in its own background subshell.

# Sets REQ_TIME to the seconds one request may take: the per-request bound, cut to what is left
# overall. Fails when no time is left.
request_time() {
  REQ_TIME=$((deadline - SECONDS))
  ((REQ_TIME >= 1)) || return 1
  ((REQ_TIME > PREFLIGHT_REQUEST_TIMEOUT_SECONDS)) && REQ_TIME=$PREFLIGHT_REQUEST_TIMEOUT_SECONDS
  return 0
}

# head_manifest URL HEADERS_FILE [AUTH_HEADER]: sets STATUS to the HTTP status ("000" if no
# answer, "timeout" if no time is left).
head_manifest() {
  local url="$1" hdr="$2"
  local extra=()
  [[ -n "${3:-}" ]] && extra=(-H "$3")
  if ! request_time; then
    STATUS=timeout
    return 0
  fi
  local rc=0
  STATUS="$(curl -sS -I -L -o /dev/null -D "$hdr" -w '%{http_code}' --max-time "$REQ_TIME" \
    -H "Accept: $ACCEPT" "${extra[@]}" "$url" 2>/dev/null)" || rc=$?
  [[ "$STATUS" =~ ^[0-9]{3}$ ]] || STATUS=000
  if [[ "$STATUS" == 000 ]]; then
    case "$rc" in
      6) STATUS="000 (DNS lookup failed)" ;;
      7) STATUS="000 (connection failed)" ;;
      28) STATUS="000 (timed out after ${REQ_TIME}s)" ;;
      35 | 51 | 58 | 60) STATUS="000 (TLS error, curl exit $rc)" ;;
      *) STATUS="000 (no answer, curl exit $rc)" ;;
    esac
  fi
}

# anonymous_token CHALLENGE URL: sets TOKEN to a bearer token for a
# `WWW-Authenticate: Bearer realm=...,service=...,scope=...` challenge, or fails.
anonymous_token() {
  local challenge="$1" url="$2" realm="" service="" scope="" body
  TOKEN=""
  [[ "$challenge" =~ realm=\"([^\"]*)\" ]] && realm="${BASH_REMATCH[1]}"
  [[ "$challenge" =~ service=\"([^\"]*)\" ]] && service="${BASH_REMATCH[1]}"
  [[ "$challenge" =~ scope=\"([^\"]*)\" ]] && scope="${BASH_REMATCH[1]}"
  [[ -n "$realm" ]] || return 1
  if [[ -z "$scope" && "$url" =~ ^https?://[^/]+/v2/(.+)/manifests/[^/]+$ ]]; then
    scope="repository:${BASH_REMATCH[1]}:pull"
  fi
  local args=(-G)
  [[ -n "$service" ]] && args+=(--data-urlencode "service=$service")
  [[ -n "$scope" ]] && args+=(--data-urlencode "scope=$scope")
  request_time || return 1
  body="$(curl -sS -f -L --max-time "$REQ_TIME" "${args[@]}" "$realm" 2>/dev/null)" || return 1
  if [[ "$body" =~ \"token\"[[:space:]]*:[[:space:]]*\"([^\"]+)\" ]]; then
    TOKEN="${BASH_REMATCH[1]}"
  elif [[ "$body" =~ \"access_token\"[[:space:]]*:[[:space:]]*\"([^\"]+)\" ]]; then
    TOKEN="${BASH_REMATCH[1]}"
  fi
  [[ -n "$TOKEN" ]]
}

# check_url URL HEADERS_FILE: sets STATUS to the final status for one candidate ("200", "404",
# "401 (needs credentials)", "000", "timeout", ...).
check_url() {
  local url="$1" hdr="$2" line challenge=""
  head_manifest "$url" "$hdr"
  [[ "$STATUS" == 401 ]] || return 0
  # The last WWW-Authenticate header (with -L, -D holds the headers of every hop).
  while IFS= read -r line; do
    line="${line%$'\r'}"
    [[ "${line,,}" == www-authenticate:* ]] && challenge="${line#*:}"
  done <"$hdr"
  if [[ "${challenge,,}" != *bearer* ]]; then
    STATUS="401 (needs credentials)"
  elif anonymous_token "$challenge" "$url"; then
    head_manifest "$url" "$hdr" "Authorization: Bearer $TOKEN"
  else
    STATUS="401 (anonymous token refused)"
  fi
}

# check_image INDEX: writes "$workdir/INDEX" with `present`, `missing<TAB>hosts<TAB>details`
# or `unchecked<TAB>hosts<TAB>details`.
check_image() {
  local idx="$1" image="${images[$1]}" url host
  local -a urls hosts=() details=()
  read -r -a urls <<<"${url_lists[$idx]}"
  local hdr="$workdir/$idx.headers"
  for url in "${urls[@]}"; do
    host="${url#*://}"
    host="${host%%/*}"
    check_url "$url" "$hdr"
    hosts+=("$host")
    details+=("$host $STATUS")
    if [[ "$STATUS" =~ ^2[0-9][0-9]$ ]]; then
      echo present >"$workdir/$idx"
      return 0
    fi
    if [[ "$STATUS" == timeout ]]; then
      local IFS=','
      printf 'unchecked\t%s\t%s\n' "${hosts[*]}" "${details[*]}" >"$workdir/$idx"
      return 0
    fi
  done
  local IFS=','
  printf 'missing\t%s\t%s\n' "${hosts[*]}" "${details[*]}" >"$workdir/$idx"
  log "$image: ${details[*]}"
}

log "checking ${#images[@]} images (${PREFLIGHT_PARALLEL} at a time, up to ${PREFLIGHT_TIMEOUT_SECONDS}s)"
# Bounded pool: each `wait -n` reaps exactly one finished job.
active=0
for idx in "${!images[@]}"; do
  if ((active >= PREFLIGHT_PARALLEL)); then
    wait -n 2>/dev/null || true
    active=$((active - 1))
  fi
  check_image "$idx" </dev/null &
  active=$((active + 1))
done
wait

missing=0
unchecked=0
present=0
for idx in "${!images[@]}"; do
  result="unchecked"$'\t'$'\t'"no result"
  [[ -s "$workdir/$idx" ]] && result="$(<"$workdir/$idx")"
  IFS=$'\t' read -r kind hosts _details <<<"$result"
  case "$kind" in
    present) present=$((present + 1)) ;;
    missing)
      missing=$((missing + 1))
      echo "missing: ${images[$idx]} (tried: ${hosts//,/, })"
      ;;
    *)
      unchecked=$((unchecked + 1))
      echo "unchecked: ${images[$idx]} (time bound reached${hosts:+; tried: ${hosts//,/, }})"
      ;;
  esac
done

total=${#images[@]}
if ((missing > 0)); then
  note=""
  ((unchecked > 0)) && note=", $unchecked not checked (time bound reached)"
  echo "image preflight: $missing of $total images missing, $present present$note."
  echo "What to do: set registryMirrors in Pulumi config to a registry that has these images, see README 'Registry mirrors'."
  exit 1
fi
if ((unchecked > 0)); then
  echo "image preflight: $unchecked of $total images could not be checked within ${PREFLIGHT_TIMEOUT_SECONDS}s ($present present)."
  echo "What to do: check the VM's outbound HTTPS access to the registries above, or raise the preflight timeout."
  exit 3
fi
echo "image preflight: all $total images present."
