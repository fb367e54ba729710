#!/usr/bin/env bash
# Runs PostgreSQL in the foreground and turns a stop request (SIGTERM or SIGINT) into PostgreSQL's fast shutdown,
# which ends open sessions at once; its own reaction to SIGTERM would wait for every client to disconnect.
set -uo pipefail

"$@" &
child=$!
trap 'kill -INT "$child" 2>/dev/null' TERM INT

# The first wait returns early when a trapped signal arrives; the second waits for the shutdown to finish.
wait "$child"
status=$?
if kill -0 "$child" 2>/dev/null; then
  wait "$child"
  status=$?
fi
exit "$status"
