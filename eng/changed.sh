#!/usr/bin/env bash
# Says which services a change touches, so CI tests only those (eng/test.sh --changed-since).
#
#   eng/changed.sh --base <rev>   the files changed on this branch since it left <rev> (git diff <rev>...HEAD)
#   eng/changed.sh --stdin        the changed paths, one per line, on standard input
#
# Prints lines that GitHub's $GITHUB_OUTPUT takes as they are:
#   services=<names from eng/services.tsv, space-separated, or nothing>
#   all=true|false          something every service shares changed: every service is listed
#   web=true|false          the web app (src/web) changed
#   integration=true|false  some service changed: the integration suite and the short chaos run are due
#
# A path in a service's project folder or its tests folder touches that service. What every service builds on or is
# tested through touches all of them; documentation, benchmarks and the other eng scripts touch none (the linters,
# which always run, cover the scripts and workflows).
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

usage() {
  echo "Usage: eng/changed.sh --base <rev> | --stdin" >&2
  exit 2
}

case "${1:-}" in
  --base)
    [ -n "${2:-}" ] || usage
    # --no-renames: a file moved out of a service lists its old path too, so that service is tested.
    changed="$(git -C "$repo_root" diff --name-only --no-renames "$2...HEAD" --)"
    ;;
  --stdin) changed="$(cat)" ;;
  *) usage ;;
esac

# Shared by every service: a change here may break any of them.
is_shared() {
  case "$1" in
    src/BuildingBlocks/* | CareForAll.ServiceDefaults/* | CareForAll.AppHost/*) return 0 ;;
    tests/CareForAll.Testing/* | tests/CareForAll.IntegrationTests/*) return 0 ;;
    tests/CareForAll.AppHost.Tests/* | tests/CareForAll.BuildingBlocks.Tests/* | tests/CareForAll.ServiceDefaults.Tests/*) return 0 ;;
    # Directory.Build.props, Directory.Packages.props and any other Directory.* file MSBuild picks up.
    Directory.*) return 0 ;;
    # The SDK, the analyzers' settings (warnings are errors) and the .NET local tools the integration tests run.
    global.json | .editorconfig | .config/*) return 0 ;;
    CareForAll.sln | eng/services.tsv | eng/test.sh | eng/prerequisites.sh | .ci/*) return 0 ;;
    *) return 1 ;;
  esac
}

names=()
project_folders=()
tests_folders=()
while IFS=$'\t' read -r name project tests _released; do
  case "$name" in '' | '#'*) continue ;; esac
  names+=("$name")
  project_folders+=("$(dirname "$project")/")
  tests_folders+=("$tests/")
done <"$repo_root/eng/services.tsv"

all=false
web=false
declare -A touched=()
while IFS= read -r path; do
  path="${path#./}"
  [ -n "$path" ] || continue
  if is_shared "$path"; then
    all=true
    continue
  fi
  case "$path" in src/web/*) web=true; continue ;; esac
  for i in "${!names[@]}"; do
    case "$path" in
      "${project_folders[$i]}"* | "${tests_folders[$i]}"*) touched[${names[$i]}]=1 ;;
    esac
  done
done <<<"$changed"

services=()
for name in "${names[@]}"; do
  if [ "$all" = true ] || [ -n "${touched[$name]:-}" ]; then
    services+=("$name")
  fi
done

integration=false
[ "${#services[@]}" -gt 0 ] && integration=true

echo "services=${services[*]}"
echo "all=$all"
echo "web=$web"
echo "integration=$integration"
