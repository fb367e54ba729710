#!/usr/bin/env bash
# Runs the whole test suite (unit, service and integration tests; the integration tests start the real AppHost once
# in local mode, then the short chaos run starts a platform of its own) and ends with one line: "N passed, N failed".
set -euo pipefail

# shellcheck source=prerequisites.sh
source "$(dirname "${BASH_SOURCE[0]}")/prerequisites.sh"

require_dotnet
require_node
# The integration tests always use local processes, so their binaries are needed even where containers run.
install_local_infrastructure
install_chromium
restore_tools
install_web_dependencies

cd "$repo_root"
results="$repo_root/artifacts/test-results"
rm -rf "$results"
mkdir -p "$results"
export ATTACK_REPORT="$results/attacks.txt"

log "Web app: type check, lint, unit tests, production build"
web_exit=0
# Chained with &&, because set -e does not apply inside a command that is followed by ||.
(
  cd src/web &&
    npm run --silent typecheck &&
    npm run --silent lint &&
    npx vitest run --reporter=default --reporter=junit --outputFile.junit="$results/web-unit.xml"
) || web_exit=$?
# The browser tests need the build whatever the checks above said.
build_web

log "Building"
dotnet build CareForAll.sln -c Release -nologo -clp:ErrorsOnly

# The unit and service test projects run side by side; the integration tests then start the whole platform alone, so
# a dozen services coming up on two cores never compete with every other test project for the CPU.
log "Testing: unit and service tests"
set +e
dotnet test CareForAll.sln -c Release --no-build -nologo --filter "FullyQualifiedName!~CareForAll.IntegrationTests" \
  --logger "trx" --logger "console;verbosity=normal" --results-directory "$results" "$@"
unit_exit=$?
log "Testing: integration tests (the real AppHost)"
dotnet test tests/CareForAll.IntegrationTests/CareForAll.IntegrationTests.csproj -c Release --no-build -nologo \
  --filter "Category!=Chaos" --logger "trx" --logger "console;verbosity=normal" --results-directory "$results" "$@"
integration_exit=$?
# After the shared platform has stopped: the chaos run kills and restarts what every other test relies on.
log "Testing: chaos run, short form (200 donations through faults; eng/chaos.sh runs 2,000)"
CHAOS_DONATIONS=200 CHAOS_RESULTS="$results" dotnet test tests/CareForAll.IntegrationTests/CareForAll.IntegrationTests.csproj \
  -c Release --no-build -nologo --filter "Category=Chaos" --logger "trx;LogFileName=chaos.trx" --logger "console;verbosity=normal" \
  --results-directory "$results" "$@"
chaos_exit=$?
for table in "$results"/*-chaos-short.md; do
  [ -e "$table" ] && cat "$table"
done
set -e
test_exit=$((unit_exit != 0 ? unit_exit : integration_exit))
test_exit=$((test_exit != 0 ? test_exit : chaos_exit))
test_exit=$((test_exit != 0 ? test_exit : web_exit))

passed=0
failed=0
for trx in "$results"/*.trx; do
  [ -e "$trx" ] || continue
  counters="$(grep -o '<Counters [^>]*>' "$trx" | head -1)"
  p="$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")"
  f="$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")"
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0}))
done

web_junit="$results/web-unit.xml"
if [ -f "$web_junit" ]; then
  suites="$(grep -o '<testsuites [^>]*>' "$web_junit" | head -1)"
  t="$(sed -n 's/.* tests="\([0-9]*\)".*/\1/p' <<<"$suites")"
  f="$(sed -n 's/.* failures="\([0-9]*\)".*/\1/p' <<<"$suites")"
  e="$(sed -n 's/.* errors="\([0-9]*\)".*/\1/p' <<<"$suites")"
  s="$(grep -c '<skipped' "$web_junit" || true)"
  passed=$((passed + ${t:-0} - ${f:-0} - ${e:-0} - ${s:-0}))
  failed=$((failed + ${f:-0} + ${e:-0}))
fi

if [ "$test_exit" -ne 0 ] && [ "$failed" -eq 0 ]; then
  # A test host that crashed or a project that did not run counts as a failure even without a failed test.
  failed=1
fi

[ -f "$ATTACK_REPORT" ] && head -n 1 "$ATTACK_REPORT"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
