#!/usr/bin/env bash
# Builds one released service's container image with the .NET SDK's container support (no Dockerfile) and pushes it
# to the GitHub container registry, tagged with its version and its commit. The release workflow runs it for a
# release tag, after logging in to the registry.
#
#   eng/publish-image.sh <service> <version> --owner <owner> [--dry-run]
#
#   <service> <version>  as read from the tag by eng/release-tag.sh
#   --owner <owner>      the GitHub owner; the image is ghcr.io/<owner, lower case>/careforall-<service>
#   --dry-run            build nothing, push nothing: print what the image would be (repository, tags, labels), as
#                        MSBuild computes it. Needs no base image and no registry, so it runs anywhere.
#
# Refuses a version the build would not carry: MinVer computes it from the service's own tags, so a project whose
# tag prefix does not match would otherwise be pushed as a pre-release under the release's name. Prints the pushed
# images as image=<reference> lines.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo_root"

refuse() {
  echo "eng/publish-image.sh: $*" >&2
  exit 1
}

service="${1:-}"
version="${2:-}"
if [ -z "$service" ] || [ -z "$version" ]; then
  sed -n '6,11s/^# \{0,1\}//p' "${BASH_SOURCE[0]}" >&2
  exit 2
fi
shift 2
owner=""
dry_run=false
while [ "$#" -gt 0 ]; do
  case "$1" in
    --owner) owner="${2:?--owner needs the GitHub owner}"; shift 2 ;;
    --dry-run) dry_run=true; shift ;;
    *) refuse "unknown option $1" ;;
  esac
done
[ -n "$owner" ] || refuse "--owner is required (the GitHub owner the image belongs to)"

# The same reading of service and version as the tag gets, so nothing unreleased or unsemantic is built.
read_tag="$(bash eng/release-tag.sh "$service-v$version")"
project="$(sed -n 's/^project=//p' <<<"$read_tag")"

restore=(-restore)
# Where the project is restored already (a dry run after a build), read that rather than restore over it.
[ ! -f "$(dirname "$project")/obj/project.assets.json" ] || restore=()
stamped="$(dotnet msbuild "$project" -nologo "${restore[@]}" -t:MinVer -getProperty:MinVerVersion -p:Configuration=Release)"
[ "$stamped" = "$version" ] || refuse "$project builds as $stamped, not $version: check its MinVerTagPrefix and the tag"

registry=ghcr.io
repository="${owner,,}/careforall-$service"
commit="sha-$(git rev-parse --short=7 HEAD)"
container=(
  -p:Configuration=Release
  -p:ContainerRegistry="$registry"
  -p:ContainerRepository="$repository"
  # The escaped quotes reach MSBuild, so it takes "VERSION;sha-..." as one value (two tags), not two properties.
  -p:ContainerImageTags=\""$version;$commit"\"
)

if [ "$dry_run" = true ]; then
  # MinVer first, as in a real build, so the image's version label is the release's.
  exec dotnet msbuild "$project" -nologo "-t:MinVer;ComputeContainerConfig" "${container[@]}" \
    -getProperty:ContainerRegistry -getProperty:ContainerRepository -getProperty:ContainerBaseImage \
    -getItem:ContainerImageTags -getItem:ContainerLabel
fi

dotnet publish "$project" -nologo -t:PublishContainer "${container[@]}"
echo "image=$registry/$repository:$version"
echo "image=$registry/$repository:$commit"
