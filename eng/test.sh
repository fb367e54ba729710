#!/usr/bin/env bash
# Runs the whole test suite (unit, service and integration tests; the integration tests start the real AppHost once
# in local mode) and ends with one line: "N passed, N failed".
set -euo pipefail

# shellcheck source=prerequisites.sh
source "$(dirname "${BASH_SOURCE[0]}")/prerequisites.sh"

require_dotnet
# The integration tests always use local processes, so their binaries are needed even where containers run.
install_local_infrastructure
restore_tools

cd "$repo_root"
results="$repo_root/artifacts/test-results"
rm -rf "$results"
mkdir -p "$results"

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
  --logger "trx" --logger "console;verbosity=normal" --results-directory "$results" "$@"
integration_exit=$?
set -e
test_exit=$((unit_exit != 0 ? unit_exit : integration_exit))

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

if [ "$test_exit" -ne 0 ] && [ "$failed" -eq 0 ]; then
  # A test host that crashed or a project that did not run counts as a failure even without a failed test.
  failed=1
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
