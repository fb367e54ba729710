#!/usr/bin/env bash
# Installs what CareForAll needs on a fresh machine and is safe to run again: the infrastructure binaries when no
# container runtime answers (PostgreSQL, Redis, RabbitMQ from Debian), and the repository's .NET local tools.
# Sourced by the scripts in eng/.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

log() { printf '\033[1m==> %s\033[0m\n' "$*"; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

container_runtime_answers() {
  local runtime
  for runtime in docker podman; do
    if command -v "$runtime" >/dev/null 2>&1 && timeout 10 "$runtime" info >/dev/null 2>&1; then
      return 0
    fi
  done
  return 1
}

require_dotnet() {
  if ! command -v dotnet >/dev/null 2>&1; then
    echo "The .NET 10 SDK is required: https://dot.net (dotnet was not found on PATH)." >&2
    exit 1
  fi
}

install_local_infrastructure() {
  local missing=()
  command -v postgres >/dev/null 2>&1 || ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || missing+=(postgresql)
  command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
  [ -x /usr/lib/rabbitmq/bin/rabbitmq-server ] || missing+=(rabbitmq-server)
  if [ "${#missing[@]}" -gt 0 ]; then
    log "Installing ${missing[*]} (no container runtime answers, so they run as local processes)"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
  # Debian starts neither server on install in a container, but a full system may have: the platform runs its own.
  if command -v systemctl >/dev/null 2>&1 && systemctl is-active --quiet rabbitmq-server 2>/dev/null; then
    log "Note: the system's rabbitmq-server service is running; CareForAll runs its own node on other ports."
  fi
}

install_chromium() {
  # The browser tests drive Debian's Chromium: nothing in the test run may download a browser of its own. A Bengali
  # font, so the Bangla pages render (and their screenshots show letters, not boxes).
  local missing=()
  # CHROMIUM_PATH names another Chromium-based browser already there (a CI runner's own Chrome, say).
  [ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] || missing+=(chromium)
  [ -d /usr/share/fonts/truetype/lohit-bengali ] || missing+=(fonts-lohit-beng-bengali)
  if [ "${#missing[@]}" -gt 0 ]; then
    log "Installing ${missing[*]} (for the browser tests)"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
}

require_node() {
  if ! command -v npm >/dev/null 2>&1; then
    echo "Node.js 20.19 or later with npm is required for the web app (npm was not found on PATH)." >&2
    exit 1
  fi
}

install_web_dependencies() {
  # npm ci only when the lock file changed since the last install: a clean clone installs, a rerun does not.
  local web="$repo_root/src/web"
  if [ ! -f "$web/node_modules/.package-lock.json" ] || [ "$web/package-lock.json" -nt "$web/node_modules/.package-lock.json" ]; then
    log "Installing the web app's packages (npm ci)"
    (cd "$web" && npm ci --no-audit --no-fund --loglevel=error)
  fi
}

install_shellcheck() {
  if ! command -v shellcheck >/dev/null 2>&1; then
    log "Installing shellcheck (lints the repository's shell scripts)"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends shellcheck >/dev/null
  fi
}

install_eng_tools() {
  # The pinned command-line tools of eng/tools (the workflow validator, mermaid), installed like the web app's packages.
  local tools="$repo_root/eng/tools"
  if [ ! -f "$tools/node_modules/.package-lock.json" ] || [ "$tools/package-lock.json" -nt "$tools/node_modules/.package-lock.json" ]; then
    log "Installing the repository's linting tools (npm ci in eng/tools)"
    (cd "$tools" && npm ci --no-audit --no-fund --loglevel=error)
  fi
}

build_web() {
  log "Building the web app (served by the gateway)"
  local output
  if ! output="$(cd "$repo_root/src/web" && npm run build --silent 2>&1)"; then
    printf '%s\n' "$output" >&2
    return 1
  fi
}

restore_tools() {
  log "Restoring .NET local tools"
  (cd "$repo_root" && dotnet tool restore >/dev/null)
}

prepare_machine() {
  require_dotnet
  if container_runtime_answers; then
    log "A container runtime answers: the AppHost will run the infrastructure as containers"
  else
    install_local_infrastructure
  fi
  restore_tools
  require_node
  install_web_dependencies
  build_web
}
