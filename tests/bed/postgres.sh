#!/usr/bin/env bash
# PostgreSQL 15 for the postgres check tests, all state under $BED/postgres:
#   primary  127.0.0.1:$BASE      (read-write)
#   standby  127.0.0.1:$BASE+1    streaming hot standby of the primary (pg_basebackup -R)
#   cold     127.0.0.1:$BASE+2    streaming standby with hot_standby=off: it is up but answers
#                                 every connection with 57P03 "not accepting connections"
# BASE is 5461 (Patroni's members hold 5441-5443) unless SWARMWATCH_PG_PORT is set (another bed may hold 5441); the ports in use
# are written to $BED/postgres/ports, which later subcommands and the tests read. Local (socket) connections are trusted, TCP connections
# need SCRAM: user swarmwatch, password s3cret-for-tests (a member of pg_monitor); user
# swarmwatch_limited (same password) has CONNECTION LIMIT 0, so its logins get 53300.
#
# Usage: postgres.sh up | down | status
#        postgres.sh stop-primary         fast shutdown of the primary (no response on its port)
#        postgres.sh start-primary        (re)start it, from stopped or shutting down; waits
#                                         until both standbys stream again
#        postgres.sh shutting-down        hold a session on the primary and ask for a smart
#                                         shutdown: new connections get 57P03 "shutting down"
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
require_root

PGBIN=/usr/lib/postgresql/15/bin
D=$BED/postgres
# The ports of a running bed win over the default, so later subcommands need no variable.
BASE=${SWARMWATCH_PG_PORT:-$(sed -n 's/^primary=//p' "$D/ports" 2>/dev/null || true)}
BASE=${BASE:-5461}
USER_NAME=swarmwatch
USER_PASSWORD=s3cret-for-tests
NAMES=(primary standby cold)

port_of() {
  case $1 in
    primary) echo "$BASE" ;;
    standby) echo $((BASE + 1)) ;;
    cold) echo $((BASE + 2)) ;;
    *) die "unknown instance $1" ;;
  esac
}
data_of() { echo "$D/$1"; }
SOCK=$D/run   # the sockets of all three (not in the data dirs: pg_basebackup would copy them)
as_pg() { setpriv --reuid=postgres --regid=postgres --init-groups -- "$@"; }
# psql as the superuser over the instance's own socket (trusted), bounded.
pg_sql() {
  local name=$1
  shift
  as_pg timeout 10 "$PGBIN/psql" -X -q -A -t -v ON_ERROR_STOP=1 -h "$SOCK" \
    -p "$(port_of "$name")" -U postgres -d postgres "$@"
}

install_pg() {
  [[ -x $PGBIN/postgres ]] && return 0
  log "installing postgresql"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  # Debian may create and start its own cluster on 5432: we leave it alone.
  apt-get install -y -qq postgresql >/dev/null
  [[ -x $PGBIN/postgres ]] || die "postgresql 15 not found in $PGBIN after install"
}

# Settings shared by every instance; ports, sockets and listen address come on the command line.
common_conf() {
  cat >>"$1/postgresql.conf" <<'EOF'
# swarmwatch test bed
shared_buffers = 16MB
fsync = off
synchronous_commit = off
full_page_writes = off
wal_keep_size = 64MB
wal_retrieve_retry_interval = 500ms
log_line_prefix = '%m [%p] '
EOF
}

# start NAME: start the instance (no-op when running) and record the postmaster's PID.
start() {
  local name=$1 dir port extra=""
  dir=$(data_of "$name")
  port=$(port_of "$name")
  if pid_alive "pg-$name"; then return 0; fi
  [[ $name == cold ]] && extra="-c hot_standby=off"
  if ss -Hltn "sport = :$port" 2>/dev/null | grep -q .; then
    die "port $port is already in use (another bed?): set SWARMWATCH_PG_PORT to a free base port"
  fi
  : >"$D/$name.log"
  chown postgres:postgres "$D/$name.log"
  rm -f "$dir/postmaster.pid"   # stale after a kill; the server refuses to start otherwise
  # -W: do not wait here; a cold standby never accepts connections, so pg_ctl -w would time out.
  as_pg "$PGBIN/pg_ctl" -D "$dir" -l "$D/$name.log" -W \
    -o "-p $port -k $SOCK -c listen_addresses=127.0.0.1 $extra" start >/dev/null
  local deadline=$(($(now_ms) + 30000)) pid=""
  while :; do
    if [[ -f $dir/postmaster.pid ]]; then
      pid=$(head -n1 "$dir/postmaster.pid")
      # the 8th line is the postmaster's status: starting / ready / standby
      if [[ -n $pid ]] && sed -n 8p "$dir/postmaster.pid" | grep -Eq 'ready|standby'; then break; fi
    fi
    if [[ ! -f $dir/postmaster.pid ]] && grep -q 'FATAL' "$D/$name.log"; then
      tail -n 20 "$D/$name.log" >&2 || true
      die "$name failed to start"
    fi
    if (($(now_ms) > deadline)); then
      tail -n 20 "$D/$name.log" >&2 || true
      die "$name did not start within 30s"
    fi
    sleep 0.1
  done
  pid_record "pg-$name" "$pid"
}

# stop NAME: fast shutdown (SIGINT: sessions are ended) of the recorded postmaster only.
stop() {
  local name=$1 pid
  if pid=$(pid_get "pg-$name"); then
    kill -INT "$pid" 2>/dev/null || true
    local deadline=$(($(now_ms) + 20000))
    while pid_alive "pg-$name" && (($(now_ms) < deadline)); do sleep 0.1; done
  fi
  pid_stop "pg-$name" 10   # SIGTERM/SIGKILL if the fast shutdown hung; clears the record
}

# wait_sql NAME SQL EXPECTED [TIMEOUT_S]
wait_sql() {
  local name=$1 sql=$2 want=$3 timeout=${4:-30} got=""
  local deadline=$(($(now_ms) + timeout * 1000))
  while (($(now_ms) < deadline)); do
    got=$(pg_sql "$name" -c "$sql" 2>/dev/null) || got=""
    [[ $got == "$want" ]] && return 0
    sleep 0.2
  done
  die "$name: '$sql' gave '$got', expected '$want' within ${timeout}s"
}

wait_streaming() { # both standbys stream from the primary
  wait_sql primary "SELECT count(*) FROM pg_stat_replication WHERE state = 'streaming'" 2 "${1:-30}"
}

basebackup() {
  local name=$1 dir
  dir=$(data_of "$name")
  [[ -f $dir/PG_VERSION ]] && return 0
  as_pg "$PGBIN/pg_basebackup" -D "$dir" -h "$SOCK" -p "$(port_of primary)" -U postgres \
    -R -X stream -c fast --no-sync
  chmod 700 "$dir"
}

up() {
  install_pg
  mkdir -p "$D" "$SOCK"
  chown postgres:postgres "$D" "$SOCK"
  local p
  local dir
  dir=$(data_of primary)
  if [[ ! -f $dir/PG_VERSION ]]; then
    as_pg "$PGBIN/initdb" -D "$dir" -U postgres --auth-local=trust --auth-host=scram-sha-256 \
      --no-sync >"$D/initdb.log" 2>&1 || { cat "$D/initdb.log" >&2; die "initdb failed"; }
    common_conf "$dir"
  fi
  start primary
  pg_sql primary -c "DO \$\$ BEGIN
      IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$USER_NAME') THEN
        CREATE ROLE $USER_NAME LOGIN PASSWORD '$USER_PASSWORD';
        GRANT pg_monitor TO $USER_NAME;
      END IF;
      -- a login the server always turns away with 53300 too_many_connections
      IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${USER_NAME}_limited') THEN
        CREATE ROLE ${USER_NAME}_limited LOGIN CONNECTION LIMIT 0 PASSWORD '$USER_PASSWORD';
      END IF; END \$\$;"
  basebackup standby
  basebackup cold
  start standby
  start cold
  wait_streaming 30
  printf 'primary=%s\nstandby=%s\ncold=%s\nuser=%s\npassword=%s\n' \
    "$(port_of primary)" "$(port_of standby)" "$(port_of cold)" "$USER_NAME" "$USER_PASSWORD" >"$D/ports"
  for p in "${NAMES[@]}"; do log "postgres $p on 127.0.0.1:$(port_of "$p") pid $(pid_get "pg-$p")"; done
}

down() {
  pid_stop pg-hold 5
  local n
  for n in cold standby primary; do stop "$n"; done
  [[ -d $D ]] && wipe_dir "$D"
  return 0
}

shutting_down() {
  pid_alive pg-primary || die "primary is not running"
  # A session that outlives the smart shutdown request keeps the server in "shutting down".
  setsid setpriv --reuid=postgres --regid=postgres --init-groups -- "$PGBIN/psql" -X -q \
    -h "$SOCK" -p "$(port_of primary)" -U postgres -d postgres \
    -c "SELECT pg_sleep(600)" >/dev/null 2>&1 </dev/null &
  pid_record pg-hold "$!"
  wait_sql primary "SELECT count(*) FROM pg_stat_activity WHERE query = 'SELECT pg_sleep(600)'" 1 10
  as_pg "$PGBIN/pg_ctl" -D "$(data_of primary)" -m smart -W stop >/dev/null
  local deadline=$(($(now_ms) + 10000)) out=""
  while (($(now_ms) < deadline)); do
    out=$(pg_sql primary -c "SELECT 1" 2>&1) || true
    [[ $out == *"shutting down"* ]] && return 0
    sleep 0.1
  done
  die "primary did not reach 'shutting down': $out"
}

case ${1:-} in
  up) timed "postgres up" up ;;
  down) down ;;
  stop-primary) stop primary ;;
  start-primary)
    stop primary   # from "shutting down": a fast shutdown ends the held session
    pid_stop pg-hold 5
    start primary
    wait_streaming 30
    ;;
  shutting-down) shutting_down ;;
  status)
    for n in "${NAMES[@]}"; do
      echo "$n port $(port_of "$n") pid $(pid_get "pg-$n" || echo -)"
    done
    ;;
  *) die "usage: $0 up | down | status | stop-primary | start-primary | shutting-down" ;;
esac
