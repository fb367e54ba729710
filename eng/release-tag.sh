#!/usr/bin/env bash
# Reads a release tag, <service>-v<semver> (payments-v1.2.3, gateway-v2.0.0-rc.1), and prints, for $GITHUB_OUTPUT:
#   service=<name in eng/services.tsv>
#   version=<the semantic version>
#   project=<the service's project>
# Refuses (exit 1, reason on stderr) a service that is unknown or not released (released=no in eng/services.tsv), and
# a version that is not semantic versioning 2.0.0 or carries build metadata (+..., which no image tag may contain).
# Used by the release workflow and eng/release.sh.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

refuse() {
  echo "eng/release-tag.sh: $*" >&2
  exit 1
}

[ "$#" -eq 1 ] || {
  echo "Usage: eng/release-tag.sh <service>-v<version>" >&2
  exit 2
}
tag="${1#refs/tags/}"

# The service is everything before the first "-v" followed by a digit.
service="${tag%%-v[0-9]*}"
if [ "$service" = "$tag" ] || [ -z "$service" ]; then
  refuse "'$tag' is not <service>-v<version>, for example payments-v1.2.3"
fi
version="${tag#"$service"-v}"

number='(0|[1-9][0-9]*)'
identifier='(0|[1-9][0-9]*|[0-9]*[A-Za-z-][0-9A-Za-z-]*)'
semver="^$number\\.$number\\.$number(-$identifier(\\.$identifier)*)?$"
if ! [[ "$version" =~ $semver ]]; then
  case "$version" in
    *+*) refuse "'$version' carries build metadata (+...), which an image tag cannot hold: release without it" ;;
    *) refuse "'$version' is not a semantic version (MAJOR.MINOR.PATCH, optionally -PRERELEASE), for example 1.2.3 or 2.0.0-rc.1" ;;
  esac
fi

while IFS=$'\t' read -r name project _tests released; do
  case "$name" in '' | '#'*) continue ;; esac
  [ "$name" = "$service" ] || continue
  [ "$released" = yes ] || refuse "$service is not released (released=$released in eng/services.tsv)"
  echo "service=$service"
  echo "version=$version"
  echo "project=$project"
  exit 0
done <"$repo_root/eng/services.tsv"

refuse "no service named '$service' in eng/services.tsv"
