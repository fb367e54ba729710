#!/usr/bin/env bash
# Runs the whole CareForAll platform through the AppHost and prints where to watch it.
#   eng/run.sh                 containers when a container runtime answers, local processes otherwise
#   eng/run.sh --mode local    force local processes (or --mode containers)
set -euo pipefail

# shellcheck source=prerequisites.sh
source "$(dirname "${BASH_SOURCE[0]}")/prerequisites.sh"

mode="auto"
if [ "${1:-}" = "--mode" ]; then
  mode="${2:?--mode needs auto, containers or local}"
  shift 2
fi

prepare_machine

log "Starting the AppHost (Infrastructure:Mode=$mode). The dashboard URL with its login token follows;"
log "the platform answers at http://localhost:8080 once the gateway is healthy. Ctrl+C stops everything."
cd "$repo_root"
exec dotnet run --project CareForAll.AppHost --launch-profile http -- --Infrastructure:Mode="$mode" "$@"
