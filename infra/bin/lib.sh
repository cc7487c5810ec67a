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
  mt-st bacula-director bacula-director-sqlite3 bacula-sd bacula-fd bacula-console sqlite3 chromium)

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

# --- processes, ports, env files and templates, shared by bacula, vtl and demo ----------------

# alive PID: true while PID exists.
alive() { [ -n "${1:-}" ] && kill -0 "$1" 2>/dev/null; }

# ours PID MARKER: true if PID runs and its command line holds MARKER (our own config file,
# socket or control number), so a number the kernel gave to another process is never touched.
# A zombie has an empty command line: not ours any more.
ours() {
  alive "$1" || return 1
  tr '\0' ' ' < "/proc/$1/cmdline" 2>/dev/null | grep -qF -- "$2"
}

# gone PID: true once PID has ended; a zombie child of this script is reaped here, one of
# another parent counts as running until that parent reaps it.
gone() {
  alive "$1" || return 0
  local state parent
  state=$(awk '/^State:/ {print $2}' "/proc/$1/status" 2>/dev/null || true)
  parent=$(awk '/^PPid:/ {print $2}' "/proc/$1/status" 2>/dev/null || true)
  if [ "$state" = Z ] && [ "$parent" = "$$" ]; then
    wait "$1" 2>/dev/null || true
    return 0
  fi
  return 1
}

# stop_pid PID MARKER [SIGNAL]: stops PID if it is ours (see ours): SIGNAL (default TERM), then
# SIGKILL when it is still ours after 10 s; returns once it has ended. Fails only if it survives
# SIGKILL.
stop_pid() {
  local pid=$1 marker=$2 sig=${3:-TERM} i
  ours "$pid" "$marker" || return 0
  kill -"$sig" "$pid" 2>/dev/null || true
  for i in $(seq 1 50); do gone "$pid" && return 0; sleep 0.2; done
  ours "$pid" "$marker" || return 0
  note "pid $pid ignored SIG$sig; sending SIGKILL"
  kill -KILL "$pid" 2>/dev/null || true
  for i in $(seq 1 50); do gone "$pid" && return 0; sleep 0.1; done
  ours "$pid" "$marker" || return 0
  die "pid $pid ($marker) did not stop"
}

# free_port [TAKEN...]: a TCP port nobody listens on, not one of TAKEN, between 20000 and 31999:
# below the kernel's ephemeral range and away from the packaged daemons' ports (Bacula's
# 9101-9103, iSCSI's 3260). Callers retry if it is taken between the check and their bind.
free_port() {
  local p used
  used=$(ss -Htln 2>/dev/null | awk '{print $4}' | sed 's/.*://' | sort -u)
  while :; do
    p=$(( 20000 + RANDOM % 12000 ))
    case " $* " in *" $p "*) continue ;; esac
    grep -qx "$p" <<<"$used" || { echo "$p"; return; }
  done
}

# listening PORT: true when something listens on TCP PORT.
listening() { ss -Htln "sport = :$1" 2>/dev/null | grep -q LISTEN; }

# env_of KEY FILE: KEY's value in an env file the scripts write (KEY=value, KEY='value' or
# KEY="value"; the last one wins), without running the file.
env_of() {
  sed -n "s/^$1=//p" "$2" | tail -n 1 | sed -e "s/^'//" -e "s/'\$//" -e 's/^"//' -e 's/"$//'
}

# fill_template FILE NAME...: prints FILE with each @NAME@ replaced by the value of the shell
# variable NAME, taken literally; dies naming the first @WORD@ left unfilled.
fill_template() {
  local file=$1 text name value
  shift
  [ -f "$file" ] || die "template $file is missing"
  text=$(<"$file")
  for name in "$@"; do
    value=${!name-}
    text=${text//"@$name@"/"$value"}
  done
  if [[ $text =~ @[A-Z][A-Z0-9_]*@ ]]; then
    die "$file: ${BASH_REMATCH[0]} was not filled"
  fi
  printf '%s\n' "$text"
}
