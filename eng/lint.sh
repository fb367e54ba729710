#!/usr/bin/env bash
# Lints what the tests cannot reach: every shell script (shellcheck), every GitHub workflow (action-validator, a
# schema check of the workflow syntax) and every mermaid diagram in the Markdown (parsed by mermaid itself). Exits
# non-zero when any of them finds anything. eng/test.sh runs it first, in every mode; run it alone with eng/lint.sh.
set -euo pipefail

# shellcheck source=prerequisites.sh
source "$(dirname "${BASH_SOURCE[0]}")/prerequisites.sh"

require_node
install_shellcheck
install_eng_tools

cd "$repo_root"

shell_scripts() {
  # Every *.sh outside dependency and build output folders, plus the CI entry point, which has no extension.
  find . \( -name .git -o -name node_modules -o -name bin -o -name obj -o -name artifacts \) -prune -o \
    -type f -name '*.sh' -print | sed 's|^\./||' | sort
  echo .ci/run
}

lint_exit=0

mapfile -t scripts < <(shell_scripts)
log "Linting ${#scripts[@]} shell scripts (shellcheck)"
# -x with SCRIPTDIR follows each "source" to the file it names, so helpers defined in prerequisites.sh are known.
shellcheck --external-sources --source-path=SCRIPTDIR "${scripts[@]}" || lint_exit=1

shopt -s nullglob
workflows=(.github/workflows/*.yml .github/workflows/*.yaml)
shopt -u nullglob
log "Validating ${#workflows[@]} GitHub workflows (action-validator)"
for workflow in "${workflows[@]}"; do
  if ! eng/tools/node_modules/.bin/action-validator "$workflow"; then
    echo "$workflow: not a valid GitHub workflow (see the errors above)" >&2
    lint_exit=1
  fi
done

mapfile -t documents < <(find . \( -name .git -o -name node_modules -o -name bin -o -name obj -o -name artifacts \) -prune -o \
  -type f -name '*.md' -print | sed 's|^\./||' | sort)
log "Parsing the mermaid diagrams of ${#documents[@]} Markdown files (mermaid)"
node eng/tools/check-mermaid.mjs "${documents[@]}" || lint_exit=1

if [ "$lint_exit" -eq 0 ]; then
  log "Linters: nothing found"
else
  log "Linters: findings above"
fi
exit "$lint_exit"
