#!/usr/bin/env bash
# Runs CareForAll through faults and checks that no money was lost, doubled or moved backwards.
#
#   eng/chaos.sh [--donations N] [--seed N] [--rate PER_SECOND] [--concurrency N] [--outage SECONDS] [--label NAME]
#
# Starts the platform in its own isolated local mode (own data folder and ports, so eng/run.sh may keep running) and
# drives N whole donations (2,000 unless told) from guests and registered donors over 20 campaigns. The SSLCommerz
# sandbox duplicates, delays, drops and reorders their notifications while a payments replica is killed, pledges
# stopped, query killed mid-projection, RabbitMQ stopped, PostgreSQL and Redis restarted and the SMTP sink taken
# down, one after another. Once everything has caught up it prints the invariants as a table, writes
# bench/results/<date>-<commit>-<label>.md and .json, and exits non-zero if any invariant failed. The same run with
# 200 donations is part of eng/test.sh. A failed run is replayed with the seed it printed.
set -euo pipefail

# shellcheck source=prerequisites.sh
source "$(dirname "${BASH_SOURCE[0]}")/prerequisites.sh"

export CHAOS_DONATIONS=2000
while [ "$#" -gt 0 ]; do
  case "$1" in
    --donations) CHAOS_DONATIONS="$2"; shift 2 ;;
    --seed) export CHAOS_SEED="$2"; shift 2 ;;
    --rate) export CHAOS_RATE="$2"; shift 2 ;;
    --concurrency) export CHAOS_CONCURRENCY="$2"; shift 2 ;;
    --outage) export CHAOS_OUTAGE_SECONDS="$2"; shift 2 ;;
    --label) export CHAOS_LABEL="$2"; shift 2 ;;
    *) echo "Unknown option $1 (see the comment at the top of eng/chaos.sh)" >&2; exit 2 ;;
  esac
done

require_dotnet
install_local_infrastructure
restore_tools
require_node
install_web_dependencies
build_web

cd "$repo_root"
log "Building"
dotnet build CareForAll.sln -c Release -nologo -clp:ErrorsOnly

CHAOS_RESULTS="$repo_root/bench/results"
CHAOS_COMMIT="$(git rev-parse --short HEAD)"
export CHAOS_RESULTS CHAOS_COMMIT
log "Chaos run: $CHAOS_DONATIONS donations"
dotnet test tests/CareForAll.IntegrationTests/CareForAll.IntegrationTests.csproj -c Release --no-build -nologo \
  --filter "Category=Chaos" --logger "console;verbosity=detailed"
