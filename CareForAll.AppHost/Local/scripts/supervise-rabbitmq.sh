#!/usr/bin/env bash
# Runs RabbitMQ in the foreground, passes a stop request on, and afterwards stops the epmd daemon it started on
# this platform's own epmd port (ERL_EPMD_PORT), so nothing is left running.
set -uo pipefail

# Started here rather than by the node so that it accepts "epmd -kill" while a node is still registered: the AppHost
# then stops it even when the node outlives the AppHost by a few seconds.
epmd -daemon -relaxed_command_check

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
