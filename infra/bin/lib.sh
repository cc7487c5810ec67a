# Shared helpers for the infra/bin scripts. Source it; do not run it.
# shellcheck shell=bash

TAPEFLOW_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
export TAPEFLOW_ROOT

die() { printf '%s: %s\n' "$(basename "$0")" "$*" >&2; exit 1; }
note() { printf '==> %s\n' "$*" >&2; }

# need_packages PKG...: installs the Debian packages that are missing, and only those.
# Services the packages would start are held back (policy-rc.d), since scripts start
# their own private daemons on 127.0.0.1.
need_packages() {
  local missing=() p
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  [ "$(id -u)" -eq 0 ] || die "missing Debian packages: ${missing[*]} (run as root, or install them: apt-get install ${missing[*]})"
  note "installing ${missing[*]}"
  local policy=/usr/sbin/policy-rc.d created=""
  if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\nexit 101\n' > "$policy" && chmod 755 "$policy" && created=1
  fi
  local rc=0
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"; } >&2 || rc=$?
  [ -n "$created" ] && rm -f "$policy"
  [ $rc -eq 0 ] || die "apt-get install ${missing[*]} failed"
}

# The Debian packages every part of tapeflow's tests and demo uses.
TAPEFLOW_PACKAGES=(openjdk-17-jdk-headless maven gcc libc6-dev tgt libiscsi7 libiscsi-dev mtx sg3-utils
  mt-st bacula-director bacula-director-sqlite3 bacula-sd bacula-fd bacula-console sqlite3)

# build_if_needed: packages the reactor when the CLI's jars are missing or older than a
# source file or POM, so the CLI never runs stale code.
build_if_needed() {
  local stamp="$TAPEFLOW_ROOT/worker/target/.tapeflow-built"
  if [ -f "$stamp" ] && [ -z "$(cd "$TAPEFLOW_ROOT" && find . -path ./.git -prune -o \( -name '*.java' -o -name pom.xml -o -path '*/src/main/resources/*' \) -newer "$stamp" -print -quit)" ]; then
    return 0
  fi
  note "building tapeflow (mvn package, tests skipped)"
  (cd "$TAPEFLOW_ROOT" && mvn -B -q -DskipTests -Dspotless.check.skip=true package >&2) \
    || die "build failed: run 'mvn -B package' in $TAPEFLOW_ROOT to see why"
  touch "$stamp"
}
