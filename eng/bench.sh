#!/usr/bin/env bash
# Measures CareForAll on this machine and writes bench/results/<date>-<commit>.md, .json and .png.
#
#   eng/bench.sh [--label NAME] [--duration SECONDS] [--viral-donations N] [--donors N] [-- AppHost arguments...]
#
# AppHost arguments after -- are passed on and named in the report, for example a production-like trace sampling:
#   eng/bench.sh --label sampled -- --ServiceSettings:all:Telemetry:TraceSampleRatio=0.1
#
# Starts the platform in Release through the AppHost (local infrastructure processes, a fresh data folder, the
# gateway's rate limits raised by configuration, which the report states), a bare Kestrel endpoint beside it, and
# runs the scenarios of bench/Driver against loopback only: wrk for single requests, pgbench as the database's
# yardstick, and the driver's own donors for whole donations. It needs the machine to itself: ports 8080, 5190,
# 5089 and 54329 must be free (stop eng/run.sh first). Takes about 10 minutes; it is not part of eng/test.sh.
set -euo pipefail

# shellcheck source=prerequisites.sh
source "$(dirname "${BASH_SOURCE[0]}")/prerequisites.sh"

driver_args=()
while [ "$#" -gt 0 ]; do
  case "$1" in
    --label) driver_args+=(--label "$2"); shift 2 ;;
    --duration | --viral-donations | --donors | --connections | --spread-campaigns | --warmup)
      driver_args+=("$1" "$2"); shift 2 ;;
    --) shift; break ;;
    *) echo "Unknown option $1 (see the comment at the top of eng/bench.sh)" >&2; exit 2 ;;
  esac
done
apphost_args=("$@")

install_bench_tools() {
  local missing=()
  command -v wrk >/dev/null 2>&1 || missing+=(wrk)
  # The chart's text needs a font and fontconfig to find it.
  fc-list 2>/dev/null | grep -q . || missing+=(fontconfig fonts-dejavu-core)
  if [ "${#missing[@]}" -gt 0 ]; then
    log "Installing ${missing[*]} (for the benchmark)"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
}

require_dotnet
install_local_infrastructure
install_bench_tools
restore_tools
require_node
install_web_dependencies
build_web

cd "$repo_root"
for port in 8080 5190 5089 54329 63799 56729 5399; do
  if ss -Hltn "sport = :$port" | grep -q .; then
    echo "Port $port is in use: the benchmark starts its own platform and needs the machine to itself (stop eng/run.sh)." >&2
    exit 1
  fi
done

pgbenches=(/usr/lib/postgresql/*/bin/pgbench)
pg_bin="$(dirname "$(printf '%s\n' "${pgbenches[@]}" | sort -V | tail -1)")"
commit="$(git rev-parse --short HEAD)"
if [ -n "$(git status --porcelain --untracked-files=no)" ]; then
  commit="$commit-dirty"
fi
work="$repo_root/artifacts/bench"
data="$(mktemp -u /tmp/careforall-bench-XXXXXX)"
mkdir -p "$work"

log "Building in Release"
dotnet build CareForAll.AppHost -c Release -nologo -clp:ErrorsOnly
dotnet build bench/Baseline -c Release -nologo -clp:ErrorsOnly
dotnet build bench/Driver -c Release -nologo -clp:ErrorsOnly

# Every budget and per-route policy of the gateway (src/Gateway/appsettings.json), raised out of the way: the
# benchmark measures the platform's capacity, not the limits that protect it from one abusive client.
limits=()
for budget in auth campaigns pledges payments query admin notifications ipn; do
  limits+=("--ServiceSettings:gateway:RateLimits:Budgets:$budget:PermitLimit=100000000")
done
for policy in login payment-initiation query; do
  limits+=("--ServiceSettings:gateway:RateLimits:Policies:$policy:PermitLimit=100000000")
done
settings="The gateway's rate limits (every budget and per-route policy) were raised to 100,000,000 per window by configuration; everything else is as eng/run.sh runs it, including every trace, metric and log sent to the dashboard."
if [ "${#apphost_args[@]}" -gt 0 ]; then
  settings="$settings Extra AppHost arguments: ${apphost_args[*]}."
fi

apphost_pid=""
baseline_pid=""
stop_everything() {
  if [ -n "$baseline_pid" ]; then kill "$baseline_pid" 2>/dev/null || true; fi
  if [ -n "$apphost_pid" ] && kill -0 "$apphost_pid" 2>/dev/null; then
    log "Stopping the platform"
    kill -TERM -- "-$apphost_pid" 2>/dev/null || true
    for _ in $(seq 1 60); do kill -0 "$apphost_pid" 2>/dev/null || break; sleep 1; done
    kill -KILL -- "-$apphost_pid" 2>/dev/null || true
  fi
  rm -rf "$data"
}
trap stop_everything EXIT

log "Starting the platform (Release, local processes, data in $data); its output goes to $work/apphost.log"
setsid dotnet run --project CareForAll.AppHost -c Release --no-build --launch-profile http -- \
  --Infrastructure:Mode=local --Infrastructure:Local:DataDirectory="$data" "${limits[@]}" "${apphost_args[@]}" \
  >"$work/apphost.log" 2>&1 &
apphost_pid=$!
setsid "bench/Baseline/bin/Release/net10.0/CareForAll.Bench.Baseline" --urls http://127.0.0.1:5399 >"$work/baseline.log" 2>&1 &
baseline_pid=$!

wait_for() {
  local what="$1" url="$2" deadline=$((SECONDS + 300))
  until curl -fsS -o /dev/null "$url" 2>/dev/null; do
    if ! kill -0 "$apphost_pid" 2>/dev/null; then
      echo "The AppHost stopped; see $work/apphost.log" >&2
      exit 1
    fi
    if [ "$SECONDS" -gt "$deadline" ]; then
      echo "$what did not answer at $url within 5 minutes; see $work/apphost.log" >&2
      exit 1
    fi
    sleep 1
  done
}
started=$SECONDS
wait_for "The gateway" http://127.0.0.1:8080/health
wait_for "The SSLCommerz sandbox" http://127.0.0.1:5190/health
wait_for "The bare endpoint" http://127.0.0.1:5399/totals
log "The platform answered after $((SECONDS - started)) s; measuring"

dotnet "bench/Driver/bin/Release/net10.0/CareForAll.Bench.dll" \
  --gateway http://127.0.0.1:8080 --sandbox http://127.0.0.1:5190 --mailbox http://127.0.0.1:5089 \
  --baseline http://127.0.0.1:5399 --postgres-port 54329 --pg-bin "$pg_bin" \
  --wrk-scripts bench/wrk --output bench/results --commit "$commit" --settings "$settings" "${driver_args[@]}"
