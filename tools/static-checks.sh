#!/usr/bin/env bash
# `npm test`'s first step: the type check and the lint. Each builds its own TypeScript program
# and mostly uses one core, so they run side by side; the step fails if either fails.
set -uo pipefail
cd "$(dirname "$0")/.." || exit
npx tsc --noEmit -p . &
typecheck=$!
npx eslint .
lint=$?
wait "$typecheck"
typecheck=$?
[ "$typecheck" -eq 0 ] || echo "static checks: tsc failed" >&2
[ "$lint" -eq 0 ] || echo "static checks: eslint failed" >&2
[ "$typecheck" -eq 0 ] && [ "$lint" -eq 0 ]
