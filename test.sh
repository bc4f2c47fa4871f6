#!/usr/bin/env bash
# Runs every Waymark test. Installs what the tests need when it is missing (PostgreSQL 15 and Chromium from Debian's packages),
# starts it on 127.0.0.1 in a throw-away folder, builds once, runs the tests, stops the server, and ends with
# the line "N passed, N failed". Exits non-zero on any failure.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
work="$(mktemp -d /tmp/waymark-test.XXXXXX)"
results="$work/results"
pg_bin=/usr/lib/postgresql/15/bin
started_at=$(date +%s)

say() { printf '== %s\n' "$*"; }

apt_install() {
  local attempt
  for attempt in 1 2 3 4 5; do
    if [ "$(id -u)" = 0 ]; then
      apt-get update -qq >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null 2>&1 && return 0
    else
      sudo apt-get update -qq >/dev/null 2>&1 && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null 2>&1 && return 0
    fi
    say "apt-get busy or failed (attempt $attempt); retrying"; sleep 10
  done
  return 1
}

as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

stop_servers() {
  if [ -f "$work/pg/data/postmaster.pid" ]; then
    as_postgres "$pg_bin/pg_ctl" -D "$work/pg/data" -m immediate stop >/dev/null 2>&1 || true
  fi
  rm -rf "$work"
}
trap stop_servers EXIT

# --- PostgreSQL -------------------------------------------------------------------------------------------
if [ ! -x "$pg_bin/initdb" ]; then
  say "installing PostgreSQL 15"
  apt_install postgresql-15 || { echo "could not install PostgreSQL"; echo "0 passed, 1 failed"; exit 1; }
fi
mkdir -p "$work/pg"
[ "$(id -u)" = 0 ] && chown -R postgres:postgres "$work/pg"
chmod 755 "$work"
pg_port=$(( 20000 + RANDOM % 20000 ))
say "starting PostgreSQL on 127.0.0.1:$pg_port"
as_postgres "$pg_bin/initdb" -D "$work/pg/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null \
  && as_postgres "$pg_bin/pg_ctl" -D "$work/pg/data" -l "$work/pg/log" -w \
       -o "-c listen_addresses=127.0.0.1 -p $pg_port -k $work/pg -c fsync=off -c full_page_writes=off -c max_connections=200" start >/dev/null \
  || { echo "PostgreSQL did not start:"; cat "$work/pg/log" 2>/dev/null; echo "0 passed, 1 failed"; exit 1; }
export WAYMARK_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres;Timeout=10"

# --- Chromium for the browser tests (Debian's package; Playwright drives it and never downloads a browser) -----
if [ ! -x /usr/bin/chromium ]; then
  say "installing Chromium"
  apt_install chromium || { echo "could not install Chromium"; echo "0 passed, 1 failed"; exit 1; }
fi
# Fonts for PDF export and poppler's pdftotext, which the PDF tests read exports back with.
if [ ! -x /usr/bin/pdftotext ] || [ ! -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ]; then
  say "installing poppler-utils and DejaVu fonts"
  apt_install poppler-utils fonts-dejavu-core || { echo "could not install poppler-utils"; echo "0 passed, 1 failed"; exit 1; }
fi
export WAYMARK_TEST_CHROMIUM=/usr/bin/chromium
export WAYMARK_SCREENSHOTS="$root/artifacts/screenshots"

# --- build once, then test without building --------------------------------------------------------------
say "building"
if ! dotnet build "$root/Waymark.slnx" -c Release -nologo -v quiet -clp:ErrorsOnly; then
  echo "the build failed"; echo "0 passed, 1 failed"; exit 1
fi
build_done=$(date +%s)

say "testing"
dotnet test "$root/Waymark.slnx" -c Release --no-build -nologo -v quiet \
  --logger "trx" --logger "console;verbosity=minimal" --results-directory "$results"
test_status=$?
test_done=$(date +%s)

passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*' "$trx" | head -1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters"); f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  t=$(sed -n 's/.* total="\([0-9]*\)".*/\1/p' <<<"$counters"); e=$(sed -n 's/.* executed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$(( passed + ${p:-0} )); failed=$(( failed + ${f:-0} )); skipped=$(( skipped + ${t:-0} - ${e:-0} ))
done
if [ "$test_status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi  # a crashed test host counts as a failure
say "build $(( build_done - started_at ))s, tests $(( test_done - build_done ))s"
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
