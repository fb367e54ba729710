#!/usr/bin/env bash
# Installs what CareForAll needs on a fresh machine and is safe to run again: the infrastructure binaries when no
# container runtime answers (PostgreSQL, Redis, RabbitMQ from Debian), and the repository's .NET local tools.
# Sourced by run.sh and test.sh.
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
}
