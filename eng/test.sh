#!/usr/bin/env bash
# Runs the tests and ends with one line: "N passed, N failed".
#
#   eng/test.sh                        everything: what CI runs on main and what a newcomer runs. The linters, the web
#                                      app's checks, the unit and service tests, the integration tests (they start the
#                                      real AppHost once, in local mode), then the short chaos run, which starts a
#                                      platform of its own.
#   eng/test.sh --changed-since REV    what the changes since REV touch (eng/changed.sh), as CI runs on a pull
#                                      request: the linters and the build always; the web app's checks when src/web
#                                      changed; the tests of the changed services (every project but the integration
#                                      tests when something shared changed) and the delivery tests; the integration
#                                      tests and the short chaos run when any service changed; only the browser tests
#                                      when only the web app did.
#
# Any other argument goes to every dotnet test, as in eng/test.sh --filter "FullyQualifiedName~Refund".
set -euo pipefail

# shellcheck source=prerequisites.sh
source "$(dirname "${BASH_SOURCE[0]}")/prerequisites.sh"

changed_since=""
test_args=()
while [ "$#" -gt 0 ]; do
  case "$1" in
    --changed-since) changed_since="${2:?--changed-since needs a git revision, for example origin/main}"; shift 2 ;;
    *) test_args+=("$1"); shift ;;
  esac
done

# What runs. Without --changed-since, everything.
web_checks=true      # type check, lint and unit tests of the web app
unit_projects=()     # the unit and service test projects to run; none listed: every project but the integration tests
integration=true     # the integration tests and the short chaos run
browser_only=false   # only the browser tests of the integration project
if [ -n "$changed_since" ]; then
  changes="$(bash "$repo_root/eng/changed.sh" --base "$changed_since")"
  log "Changes since $changed_since"
  printf '%s\n' "$changes"
  changed() { sed -n "s/^$1=//p" <<<"$changes"; }

  web_checks="$(changed web)"
  integration="$(changed integration)"
  if [ "$web_checks" = true ] && [ "$integration" = false ]; then
    browser_only=true
  fi
  if [ "$(changed all)" = false ]; then
    # The delivery tests take seconds and check this very selection, so they always run.
    unit_projects=(tests/CareForAll.Delivery.Tests/CareForAll.Delivery.Tests.csproj)
    read -r -a services <<<"$(changed services)"
    for service in "${services[@]}"; do
      tests="$(awk -F '\t' -v service="$service" '$1 == service { print $3 }' "$repo_root/eng/services.tsv")"
      unit_projects+=("$tests/$(basename "$tests").csproj")
    done
  fi
fi
platform=false       # whether anything starts the platform (and so needs a browser and the web app's build)
if [ "$integration" = true ] || [ "$browser_only" = true ]; then
  platform=true
fi

require_dotnet
require_node

# Linters first: they take seconds, and a finding fails the run like a failed test, without stopping the tests.
lint_exit=0
bash "$repo_root/eng/lint.sh" || lint_exit=$?

# The integration tests always use local processes, so their binaries are needed even where containers run; the
# service tests use the same PostgreSQL and Redis.
install_local_infrastructure
[ "$platform" = false ] || install_chromium
restore_tools
if [ "$web_checks" = true ] || [ "$platform" = true ]; then
  install_web_dependencies
fi

cd "$repo_root"
results="$repo_root/artifacts/test-results"
rm -rf "$results"
mkdir -p "$results"
export ATTACK_REPORT="$results/attacks.txt"

web_exit=0
if [ "$web_checks" = true ]; then
  log "Web app: type check, lint, unit tests"
  # Chained with &&, because set -e does not apply inside a command that is followed by ||.
  (
    cd src/web &&
      npm run --silent typecheck &&
      npm run --silent lint &&
      npx vitest run --reporter=default --reporter=junit --outputFile.junit="$results/web-unit.xml"
  ) || web_exit=$?
fi
if [ "$platform" = true ]; then
  # The browser tests need the production build whatever the checks above said.
  build_web
fi

log "Building"
dotnet build CareForAll.sln -c Release -nologo -clp:ErrorsOnly

set +e
# The unit and service test projects run side by side; the integration tests then start the whole platform alone, so
# a dozen services coming up on two cores never compete with every other test project for the CPU.
unit_exit=0
if [ "${#unit_projects[@]}" -eq 0 ]; then
  log "Testing: unit and service tests"
  dotnet test CareForAll.sln -c Release --no-build -nologo --filter "FullyQualifiedName!~CareForAll.IntegrationTests" \
    --logger "trx" --logger "console;verbosity=normal" --results-directory "$results" "${test_args[@]}"
  unit_exit=$?
else
  for project in "${unit_projects[@]}"; do
    log "Testing: $(basename "$project" .csproj)"
    dotnet test "$project" -c Release --no-build -nologo \
      --logger "trx" --logger "console;verbosity=normal" --results-directory "$results" "${test_args[@]}"
    project_exit=$?
    unit_exit=$((unit_exit != 0 ? unit_exit : project_exit))
  done
fi

integration_exit=0
chaos_exit=0
if [ "$integration" = true ]; then
  log "Testing: integration tests (the real AppHost)"
  dotnet test tests/CareForAll.IntegrationTests/CareForAll.IntegrationTests.csproj -c Release --no-build -nologo \
    --filter "Category!=Chaos" --logger "trx" --logger "console;verbosity=normal" --results-directory "$results" \
    "${test_args[@]}"
  integration_exit=$?
  # After the shared platform has stopped: the chaos run kills and restarts what every other test relies on.
  log "Testing: chaos run, short form (200 donations through faults; eng/chaos.sh runs 2,000)"
  CHAOS_DONATIONS=200 CHAOS_RESULTS="$results" dotnet test tests/CareForAll.IntegrationTests/CareForAll.IntegrationTests.csproj \
    -c Release --no-build -nologo --filter "Category=Chaos" --logger "trx;LogFileName=chaos.trx" --logger "console;verbosity=normal" \
    --results-directory "$results" "${test_args[@]}"
  chaos_exit=$?
  for table in "$results"/*-chaos-short.md; do
    [ -e "$table" ] && cat "$table"
  done
elif [ "$browser_only" = true ]; then
  log "Testing: browser tests (the real AppHost; only the web app changed)"
  dotnet test tests/CareForAll.IntegrationTests/CareForAll.IntegrationTests.csproj -c Release --no-build -nologo \
    --filter "FullyQualifiedName~CareForAll.IntegrationTests.Browser." --logger "trx" --logger "console;verbosity=normal" \
    --results-directory "$results" "${test_args[@]}"
  integration_exit=$?
fi
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
if [ "$lint_exit" -ne 0 ]; then
  # Linter findings count as one more failure, whatever the tests said.
  failed=$((failed + 1))
  log "Linters: findings, listed at the top of this output (eng/lint.sh runs them alone)"
fi

[ -f "$ATTACK_REPORT" ] && head -n 1 "$ATTACK_REPORT"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
