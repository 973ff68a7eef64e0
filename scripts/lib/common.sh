#!/usr/bin/env bash
# lib/common.sh: the prelude shared by the scripts in scripts/ (logging, fatal errors, checks of
#   whole-number parameters). Each script sets SCRIPT_NAME and then sources this file:
#     SCRIPT_NAME="host-prep"
#     # shellcheck source-path=SCRIPTDIR source=lib/common.sh
#     source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
#   Run from the repository, that `source` line reads this file; for the VM, lib/scripts.ts
#   (renderScript) replaces the line with the body of this file (everything after this header),
#   so the rendered script is one self-contained text. Keep this file free of other `source` lines.
# Not executable on its own.

: "${SCRIPT_NAME:?lib/common.sh: set SCRIPT_NAME before sourcing it}"

# Message on stderr: `gitpod-tencent: <script>: <message>`.
log() { echo "gitpod-tencent: $SCRIPT_NAME: $*" >&2; }

# die CODE MESSAGE...: print `gitpod-tencent: <script>: ERROR: <message>` on stderr, exit CODE.
die() {
  local code="$1"
  shift
  echo "gitpod-tencent: $SCRIPT_NAME: ERROR: $*" >&2
  exit "$code"
}

# require_whole_numbers [--of UNIT] VAR...: exit 2 unless each named variable holds a whole
#   number; the message reads `VAR must be a whole number[ of UNIT], got 'value'`.
require_whole_numbers() {
  local unit=""
  if [[ "${1:-}" == --of ]]; then
    unit=" of $2"
    shift 2
  fi
  local v
  for v in "$@"; do
    [[ "${!v}" =~ ^[0-9]+$ ]] || die 2 "$v must be a whole number$unit, got '${!v}'"
  done
}
