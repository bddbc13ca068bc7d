#!/usr/bin/env bash
# Nightly onboarding: imports every CSV in the inbox, oldest name first, and files each one away.
#   exit 0 of import (all rows succeeded)           -> done/
#   exit 3 (completed, some rows INVALID/REJECTED/FAILED) -> done/ (errors.csv under the out folder)
#   exit 2 (unusable file: bad header, unreadable)  -> failed/
#   exit 1 (API down, 401, skip limit, database)    -> stays in the inbox; the next run resumes it,
#                                                      and this run stops (the rest would fail too)
# A lock (flock on INBOX/.lock) makes a second run that starts while one is going exit at once with 75.
#
# Usage: jobs/nightly-onboarding.sh [CONFIG_FILE]   (default: jobs/nightly-onboarding.conf)
set -uo pipefail

config=${1:-"$(dirname "$0")/nightly-onboarding.conf"}
if [ ! -r "$config" ]; then
  echo "nightly-onboarding: cannot read config $config" >&2
  exit 2
fi
# shellcheck source=/dev/null
. "$config"

: "${RINGPOOL_INBOX:?set RINGPOOL_INBOX in $config}"
: "${RINGPOOL_API_URL:?set RINGPOOL_API_URL in $config}"
: "${RINGPOOL_NETWORK_ID:?set RINGPOOL_NETWORK_ID in $config}"
RINGPOOL_CMD=${RINGPOOL_CMD:-"$(cd "$(dirname "$0")/.." && pwd)/bin/ringpool"}
RINGPOOL_OUT=${RINGPOOL_OUT:-"$RINGPOOL_INBOX/out"}
read -r -a extra_args <<< "${RINGPOOL_IMPORT_ARGS:-}"
token_args=()
if [ -n "${RINGPOOL_TOKEN_FILE:-}" ]; then
  token_args=(--token-file "$RINGPOOL_TOKEN_FILE")
fi

mkdir -p "$RINGPOOL_INBOX/done" "$RINGPOOL_INBOX/failed" "$RINGPOOL_OUT"
exec 9>"$RINGPOOL_INBOX/.lock"
if ! flock -n 9; then
  echo "nightly-onboarding: another run holds $RINGPOOL_INBOX/.lock; exiting" >&2
  exit 75
fi

log() { printf '%s nightly-onboarding: %s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$*"; }

status=0
mapfile -t files < <(find "$RINGPOOL_INBOX" -maxdepth 1 -type f -name '*.csv' -printf '%f\n' | LC_ALL=C sort)
if [ ${#files[@]} -eq 0 ]; then
  log "inbox $RINGPOOL_INBOX is empty"
  exit 0
fi
for name in "${files[@]}"; do
  file="$RINGPOOL_INBOX/$name"
  stamp=$(date -u +%Y%m%dT%H%M%SZ)
  log "importing $name"
  # shellcheck disable=SC2086
  $RINGPOOL_CMD import "$file" --api-url "$RINGPOOL_API_URL" --network-id "$RINGPOOL_NETWORK_ID" \
    --out "$RINGPOOL_OUT/$stamp-${name%.csv}" "${token_args[@]}" "${extra_args[@]}"
  code=$?
  case $code in
    0|3)
      mv "$file" "$RINGPOOL_INBOX/done/$stamp-$name"
      log "$name done (exit $code); outcomes in $RINGPOOL_OUT/$stamp-${name%.csv}"
      [ $code -eq 3 ] && status=3
      ;;
    2)
      mv "$file" "$RINGPOOL_INBOX/failed/$stamp-$name"
      log "$name is unusable (exit 2); moved to failed/"
      status=3
      ;;
    *)
      log "$name stopped (exit $code); left in the inbox, the next run resumes it"
      exit 1
      ;;
  esac
done
exit $status
