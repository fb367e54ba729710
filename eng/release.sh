#!/usr/bin/env bash
# Cuts a release of one service: tags a commit of main <service>-v<version>. Pushing the tag starts the release
# workflow (.github/workflows/release.yml), which builds and pushes the image ghcr.io/<owner>/careforall-<service>.
#
#   eng/release.sh <service> <version> [--commit <rev>] [--push] [--skip-ci-check]
#
#   <service>        a service with released=yes in eng/services.tsv
#   <version>        semantic version, without a "v": 1.4.0, 2.0.0-rc.1; greater than the service's latest release
#   --commit <rev>   what to release: a commit on main (default: origin/main when there is one, otherwise main)
#   --push           push the tag to origin, which starts the release; without it the tag stays in this clone
#   --skip-ci-check  tag without asking GitHub (through gh) whether ci passed for the commit on main; the release
#                    workflow asks again and refuses a commit without a green ci run
#
# See docs/delivery.md.
set -euo pipefail
export LC_ALL=C

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo_root"

usage() {
  sed -n '5,13s/^# \{0,1\}//p' "${BASH_SOURCE[0]}" >&2
  exit 2
}

refuse() {
  echo "eng/release.sh: $*" >&2
  exit 1
}

positional=()
commit=""
push=false
check_ci=true
while [ "$#" -gt 0 ]; do
  case "$1" in
    --commit) commit="${2:?--commit needs a revision}"; shift 2 ;;
    --push) push=true; shift ;;
    --skip-ci-check) check_ci=false; shift ;;
    -h | --help) usage ;;
    -*) echo "eng/release.sh: unknown option $1" >&2; usage ;;
    *) positional+=("$1"); shift ;;
  esac
done
[ "${#positional[@]}" -eq 2 ] || usage
service="${positional[0]}"
version="${positional[1]}"
case "$version" in v[0-9]*) refuse "give the version without its v: ${version#v}" ;; esac
tag="$service-v$version"

# Is <service> released, and <version> semantic? The release workflow reads the tag with the same script.
bash eng/release-tag.sh "$tag" >/dev/null

# 0 when semantic version $1 is greater than $2 (semver 2.0.0 precedence; build metadata is refused earlier).
version_greater() {
  local a="$1" b="$2" a_core b_core a_pre b_pre i x y
  a_core="${a%%-*}" b_core="${b%%-*}"
  a_pre="${a#"$a_core"}" b_pre="${b#"$b_core"}"
  a_pre="${a_pre#-}" b_pre="${b_pre#-}"
  IFS=. read -r -a x <<<"$a_core"
  IFS=. read -r -a y <<<"$b_core"
  for i in 0 1 2; do
    if ((10#${x[i]} != 10#${y[i]})); then
      ((10#${x[i]} > 10#${y[i]}))
      return
    fi
  done
  # Same MAJOR.MINOR.PATCH: a release is greater than its pre-releases.
  [ "$a_pre" != "$b_pre" ] || return 1
  [ -n "$a_pre" ] || return 0
  [ -n "$b_pre" ] || return 1
  IFS=. read -r -a x <<<"$a_pre"
  IFS=. read -r -a y <<<"$b_pre"
  for ((i = 0; i < ${#x[@]} && i < ${#y[@]}; i++)); do
    [ "${x[i]}" != "${y[i]}" ] || continue
    if [[ "${x[i]}" =~ ^[0-9]+$ && "${y[i]}" =~ ^[0-9]+$ ]]; then
      ((10#${x[i]} > 10#${y[i]}))
    elif [[ "${x[i]}" =~ ^[0-9]+$ ]]; then
      return 1 # numeric identifiers sort before alphanumeric ones
    elif [[ "${y[i]}" =~ ^[0-9]+$ ]]; then
      return 0
    else
      [[ "${x[i]}" > "${y[i]}" ]]
    fi
    return
  done
  ((${#x[@]} > ${#y[@]}))
}

has_origin=false
if git remote get-url origin >/dev/null 2>&1; then
  has_origin=true
  # Tags and main as origin has them, so the version is compared with every release and the default commit is current.
  git fetch --quiet --tags origin ||
    echo "eng/release.sh: warning: could not fetch from origin; using the tags and main this clone already has" >&2
fi

if [ "$push" = true ] && [ "$has_origin" = false ]; then
  refuse "--push needs a remote named origin to push $tag to"
fi

main_ref=main
if git rev-parse --verify --quiet refs/remotes/origin/main >/dev/null; then
  main_ref=origin/main
fi
git rev-parse --verify --quiet "$main_ref^{commit}" >/dev/null || refuse "no main branch here to release from"
commit="${commit:-$main_ref}"
sha="$(git rev-parse --verify --quiet "$commit^{commit}")" || refuse "$commit is not a commit here"
git merge-base --is-ancestor "$sha" "$main_ref" || refuse "$commit ($(git rev-parse --short "$sha")) is not on $main_ref: release only what main has"

if git rev-parse --verify --quiet "refs/tags/$tag" >/dev/null; then
  refuse "$tag already exists"
fi
latest=""
while IFS= read -r existing; do
  # Only well-formed release tags count; release-tag.sh says which are.
  bash eng/release-tag.sh "$existing" >/dev/null 2>&1 || continue
  existing_version="${existing#"$service"-v}"
  if [ -z "$latest" ] || version_greater "$existing_version" "$latest"; then
    latest="$existing_version"
  fi
done < <(git tag -l "$service-v*" | sort -V)
if [ -n "$latest" ] && ! version_greater "$version" "$latest"; then
  refuse "$service's latest release is $latest: $version must be greater"
fi

if [ "$check_ci" = true ]; then
  command -v gh >/dev/null 2>&1 ||
    refuse "gh (GitHub's command line) is not installed, so whether ci passed for $(git rev-parse --short "$sha") cannot be checked here. Install it and log in (gh auth login), or pass --skip-ci-check: the release workflow checks again."
  # The same question the release workflow asks: a successful ci run for this very commit, pushed to main.
  passed="$(gh run list --workflow ci.yml --commit "$sha" --event push --status success --limit 1 --json databaseId --jq length)" ||
    refuse "gh could not list ci's runs (logged in? gh auth login), or pass --skip-ci-check: the release workflow checks again."
  [ "$passed" -gt 0 ] || refuse "no successful ci run on main for $(git rev-parse --short "$sha") yet: wait for it, or release a commit that passed."
  echo "ci passed for $(git rev-parse --short "$sha") on main."
else
  echo "Not checking ci (--skip-ci-check): the release workflow refuses a commit without a successful ci run on main."
fi

git tag -a "$tag" -m "Release $service $version" "$sha"
echo "Tagged $(git log -1 --format='%h %s' "$sha") as $tag (previous release: ${latest:-none})."

owner="<owner>"
if [ "$has_origin" = true ]; then
  url="$(git remote get-url origin)"
  if [[ "$url" =~ github\.com[:/]([^/]+)/ ]]; then
    owner="${BASH_REMATCH[1],,}"
  fi
fi
image="ghcr.io/$owner/careforall-$service"
if [ "$push" = true ]; then
  git push --quiet origin "refs/tags/$tag"
  echo "Pushed $tag. Next: the release workflow checks the commit again, then builds and pushes $image:$version"
  echo "and $image:sha-$(git rev-parse --short=7 "$sha"). Follow it under Actions > release."
else
  echo "Not pushed (no --push). To release: git push origin $tag"
  echo "Then the release workflow builds and pushes $image:$version and $image:sha-$(git rev-parse --short=7 "$sha")."
  echo "To undo instead: git tag -d $tag"
fi
