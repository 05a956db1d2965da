#!/usr/bin/env bash
# Builds jobemu/emulator:<version> from emulator/target/emulator.jar without any image registry:
#   1. a local base image (Debian bookworm, minimal, with Debian's OpenJDK 17 runtime), made with debootstrap
#      from the Debian mirror in this machine's apt sources and `docker import`; skipped when its tag exists;
#   2. the project's image, docker/Dockerfile FROM that base.
# Needs root, a running Docker engine, debootstrap, and `mvn package` done first.
#
# Usage: docker/build-local-image.sh [VERSION]     (default: the Maven project version)
# Environment: BASE_IMAGE (default jobemu/debian-jre17:bookworm), DEBIAN_MIRROR (default: from the apt sources)
set -euo pipefail
cd "$(dirname "$0")/.."

readonly SUITE=bookworm
readonly BASE_IMAGE="${BASE_IMAGE:-jobemu/debian-jre17:$SUITE}"
readonly JAR=emulator/target/emulator.jar

# Written to a file: Maven 3.8 colours what -DforceStdout prints even in batch mode.
project_version() {
  local out
  out="$(mktemp)"
  if ! mvn -B -q -N help:evaluate -Dexpression=project.version -Doutput="$out" >"$out.log" 2>&1; then
    cat "$out.log" >&2
    exit 1
  fi
  cat "$out"
  rm -f "$out" "$out.log"
}

# The first mirror the apt sources use for $SUITE itself (deb822 .sources files, then one-line .list files).
debian_mirror() {
  local sources=(/etc/apt/sources.list.d/*.sources) lists=(/etc/apt/sources.list /etc/apt/sources.list.d/*.list)
  {
    awk -v suite="$SUITE" 'BEGIN { RS = ""; FS = "\n" }
      {
        types = ""; uris = ""; suites = ""
        for (i = 1; i <= NF; i++) {
          if ($i ~ /^Types:/) types = " " substr($i, 7) " "
          if ($i ~ /^URIs:/) uris = substr($i, 6)
          if ($i ~ /^Suites:/) suites = " " substr($i, 8) " "
        }
        if (types ~ / deb / && suites ~ (" " suite " ")) { split(uris, u, " "); if (u[1] != "") print u[1] }
      }' "${sources[@]}" 2>/dev/null
    awk -v suite="$SUITE" '$1 == "deb" { sub(/\[[^]]*\][ \t]*/, ""); if ($3 == suite) print $2 }' \
      "${lists[@]}" 2>/dev/null
  } | head -n 1
}

build_base_image() {
  if docker image inspect "$BASE_IMAGE" >/dev/null 2>&1; then
    echo "base image $BASE_IMAGE: present, reused"
    return
  fi
  local mirror="${DEBIAN_MIRROR:-$(debian_mirror)}"
  if [[ -z "$mirror" ]]; then
    echo "error: no Debian mirror for $SUITE in the apt sources; set DEBIAN_MIRROR" >&2
    exit 1
  fi
  local rootfs
  rootfs="$(mktemp -d /tmp/jobemu-rootfs.XXXXXX)"
  # shellcheck disable=SC2064 # expand now: the trap must remove this very directory
  trap "rm -rf '$rootfs'" EXIT
  echo "base image $BASE_IMAGE: debootstrap $SUITE from $mirror"
  debootstrap --variant=minbase --include=openjdk-17-jre-headless "$SUITE" "$rootfs" "$mirror" \
    >"$rootfs.log" 2>&1 || { tail -n 30 "$rootfs.log" >&2; exit 1; }
  rm -f "$rootfs.log"
  # Package caches and lists only make the image bigger; nothing in it runs apt.
  rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/*
  tar -C "$rootfs" -c . | docker import \
    --change 'ENV LANG=C.UTF-8' --change 'CMD ["/bin/bash"]' \
    --message "debootstrap --variant=minbase $SUITE + openjdk-17-jre-headless" - "$BASE_IMAGE" >/dev/null
  rm -rf "$rootfs"
  trap - EXIT
}

build_emulator_image() {
  local version="$1"
  if [[ ! -f "$JAR" ]]; then
    echo "error: $JAR is missing; run: mvn -B -pl emulator -DskipTests package" >&2
    exit 1
  fi
  echo "image jobemu/emulator:$version: docker build FROM $BASE_IMAGE"
  docker build --quiet --pull=false \
    --build-arg "BASE_IMAGE=$BASE_IMAGE" --build-arg "VERSION=$version" \
    -t "jobemu/emulator:$version" -f docker/Dockerfile . >/dev/null
}

version="${1:-$(project_version)}"
if [[ ! "$version" =~ ^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$ ]]; then
  echo "error: \"$version\" is no valid image tag" >&2
  exit 1
fi
build_base_image
build_emulator_image "$version"
docker image ls "jobemu/emulator:$version" --format 'built {{.Repository}}:{{.Tag}} ({{.Size}})'
