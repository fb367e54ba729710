#!/usr/bin/env bash
# Runs RabbitMQ in the foreground, passes a stop request on, and afterwards stops the epmd daemon that the node
# started on this platform's own epmd port (ERL_EPMD_PORT), so nothing is left running.
set -uo pipefail

"$@" &
child=$!
trap 'kill -TERM "$child" 2>/dev/null' TERM INT

wait "$child"
status=$?
if kill -0 "$child" 2>/dev/null; then
  wait "$child"
  status=$?
fi

epmd -port "${ERL_EPMD_PORT:?}" -kill >/dev/null 2>&1 || true
exit "$status"
