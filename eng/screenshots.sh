#!/usr/bin/env bash
# Makes the README's screenshots again (docs/screenshots/*.png, phone and desktop widths) from a run of the browser
# tests, which save them as they pass through each page.
set -euo pipefail

# shellcheck source=prerequisites.sh
source "$(dirname "${BASH_SOURCE[0]}")/prerequisites.sh"

require_dotnet
require_node
install_local_infrastructure
install_chromium
restore_tools
install_web_dependencies
build_web

cd "$repo_root"
log "Building the integration tests"
dotnet build tests/CareForAll.IntegrationTests/CareForAll.IntegrationTests.csproj -c Release -nologo -clp:ErrorsOnly
mkdir -p docs/screenshots
log "Running the browser tests, saving screenshots to docs/screenshots"
CAREFORALL_SCREENSHOTS_DIR="$repo_root/docs/screenshots" dotnet test tests/CareForAll.IntegrationTests/CareForAll.IntegrationTests.csproj \
  -c Release --no-build -nologo --filter "FullyQualifiedName~CareForAll.IntegrationTests.Browser."
ls -1 docs/screenshots
