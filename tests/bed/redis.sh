#!/usr/bin/env bash
# Redis servers for the redis check's integration tests, all on 127.0.0.1, state in $BED/redis:
#   6391  master: requirepass, ACL user swarmwatch, maxmemory 64mb
#   6392  replica of 6391 (masterauth), same users
#   6393  TLS only (self-signed cert for 127.0.0.1/localhost in $BED/redis/tls/cert.pem), same users
#   6394  on demand (start-loading): a server still loading a slow RDB, so it answers LOADING
# Debian's own redis-server (6379, if the package started one) is left alone.
#
# Usage: redis.sh up | down | stop-master | start-master | start-loading | stop-loading | status
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

RDIR=$BED/redis
MASTER_PORT=6391
REPLICA_PORT=6392
TLS_PORT=6393
LOADING_PORT=6394
# Test-only secrets; the Java tests use the same values.
DEFAULT_PASS=default-pass-for-tests
ACL_USER=swarmwatch
ACL_PASS=s3cret-for-tests

ensure_installed() {
  command -v redis-server >/dev/null && command -v redis-cli >/dev/null && return 0
  log "installing redis-server"
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y redis-server >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y redis-server >/dev/null; }
}

# cli PORT [--tls] ARGS...: redis-cli as the ACL user; the password goes through the
# environment, never the command line (ps would show it).
cli() {
  local port=$1
  shift
  local -a tls=()
  if [[ ${1:-} == --tls ]]; then
    tls=(--tls --cacert "$RDIR/tls/cert.pem")
    shift
  fi
  REDISCLI_AUTH=$ACL_PASS timeout 5 redis-cli --no-auth-warning -h 127.0.0.1 -p "$port" "${tls[@]}" \
    --user "$ACL_USER" "$@" 2>/dev/null
}

port_taken() { ss -Htln "sport = :$1" 2>/dev/null | grep -q .; }

# conf NAME: the config shared by every instance, with its own dir, pidfile and log.
write_conf() {
  local name=$1 dir=$RDIR/$1
  mkdir -p "$dir"
  cat >"$dir/redis.conf" <<EOF
bind 127.0.0.1
protected-mode yes
daemonize yes
pidfile $dir/redis.pid
logfile $dir/redis.log
dir $dir
save ""
appendonly no
requirepass $DEFAULT_PASS
user $ACL_USER on >$ACL_PASS ~* &* +@all
EOF
  chmod 600 "$dir/redis.conf"
}

# start NAME PORT_TO_WAIT_ON [--tls] [EXTRA ARGS...]: start a daemonized redis-server with
# $RDIR/NAME/redis.conf, record its PID from its pidfile, wait until PING answers.
start() {
  local name=$1 port=$2
  shift 2
  local -a tls=()
  if [[ ${1:-} == --tls ]]; then
    tls=(--tls)
    shift
  fi
  local dir=$RDIR/$name
  if pid_alive "redis-$name"; then
    return 0
  fi
  port_taken "$port" && die "port $port is taken by a process this bed did not start"
  rm -f "$dir/redis.pid"
  redis-server "$dir/redis.conf" "$@" || die "redis-server $name did not start; see $dir/redis.log"
  local deadline=$(($(now_ms) + 10000))
  while [[ ! -s $dir/redis.pid ]]; do
    (($(now_ms) < deadline)) || die "redis $name wrote no pidfile in 10s; see $dir/redis.log"
    sleep 0.05
  done
  pid_record "redis-$name" "$(cat "$dir/redis.pid")"
  wait_reply "$name" "$port" PONG "${tls[@]}" ping
}

# wait_reply NAME PORT EXPECTED [--tls] CMD...: until the reply contains EXPECTED (10 s).
wait_reply() {
  local name=$1 port=$2 want=$3
  shift 3
  local deadline=$(($(now_ms) + 10000)) got=
  while :; do
    got=$(cli "$port" "$@" || true)
    [[ $got == *"$want"* ]] && return 0
    pid_alive "redis-$name" || { tail -n 20 "$RDIR/$name/redis.log" >&2 || true; die "redis $name exited"; }
    (($(now_ms) < deadline)) || die "redis $name on $port: no '$want' within 10s (last: ${got:0:200})"
    sleep 0.1
  done
}

make_cert() {
  local t=$RDIR/tls
  [[ -s $t/cert.pem && -s $t/key.pem ]] && return 0
  mkdir -p "$t"
  openssl req -x509 -newkey rsa:2048 -nodes -days 30 -subj "/CN=swarmwatch-bed-redis" \
    -addext "subjectAltName=IP:127.0.0.1,DNS:localhost" \
    -keyout "$t/key.pem" -out "$t/cert.pem" >/dev/null 2>&1 || die "openssl could not make the test certificate"
  chmod 644 "$t/key.pem"   # redis-server runs as root here; the tests read cert.pem only
}

# Debian builds redis-server with OpenSSL; a build without it has no libssl to link.
tls_available() { [[ $(ldd "$(command -v redis-server)" 2>/dev/null) == *libssl* ]]; }

up() {
  ensure_installed
  mkdir -p "$RDIR"
  write_conf master
  # No 5 s wait for more replicas before a diskless full sync: the replica is up in ~0.1 s.
  printf 'maxmemory 64mb\nrepl-diskless-sync-delay 0\n' >>"$RDIR/master/redis.conf"
  start master "$MASTER_PORT" --port "$MASTER_PORT"

  write_conf replica
  cat >>"$RDIR/replica/redis.conf" <<EOF
replicaof 127.0.0.1 $MASTER_PORT
masterauth $DEFAULT_PASS
EOF
  start replica "$REPLICA_PORT" --port "$REPLICA_PORT"
  wait_reply replica "$REPLICA_PORT" master_link_status:up info replication

  if tls_available; then
    make_cert
    write_conf tls
    cat >>"$RDIR/tls/redis.conf" <<EOF
port 0
tls-port $TLS_PORT
tls-cert-file $RDIR/tls/cert.pem
tls-key-file $RDIR/tls/key.pem
tls-ca-cert-file $RDIR/tls/cert.pem
tls-auth-clients no
EOF
    start tls "$TLS_PORT" --tls
  else
    log "redis-server has no TLS support: no TLS instance on $TLS_PORT"
  fi
  log "redis up: master $MASTER_PORT, replica $REPLICA_PORT$(tls_available && echo ", tls $TLS_PORT")"
}

# A server that keeps answering LOADING for ~40 s: 20000 keys, loaded 2 ms apart.
start_loading() {
  local dir=$RDIR/loading
  if [[ ! -s $dir/dump.rdb ]]; then
    write_conf loading
    echo "enable-debug-command local" >>"$dir/redis.conf"
    start loading "$LOADING_PORT" --port "$LOADING_PORT"
    cli "$LOADING_PORT" debug populate 20000 >/dev/null || die "DEBUG POPULATE failed"
    cli "$LOADING_PORT" save >/dev/null || die "SAVE failed"
    pid_stop redis-loading 10
  fi
  pid_stop redis-loading 5
  write_conf loading
  cat >>"$dir/redis.conf" <<EOF
dbfilename dump.rdb
key-load-delay 2000
loading-process-events-interval-bytes 1024
EOF
  start_until_loading
}

start_until_loading() {
  local dir=$RDIR/loading
  port_taken "$LOADING_PORT" && die "port $LOADING_PORT is taken by a process this bed did not start"
  rm -f "$dir/redis.pid"
  redis-server "$dir/redis.conf" --port "$LOADING_PORT" || die "loading redis did not start"
  local deadline=$(($(now_ms) + 10000))
  while [[ ! -s $dir/redis.pid ]]; do
    (($(now_ms) < deadline)) || die "loading redis wrote no pidfile"
    sleep 0.05
  done
  pid_record redis-loading "$(cat "$dir/redis.pid")"
  wait_reply loading "$LOADING_PORT" LOADING ping
}

down() {
  local n
  for n in loading tls replica master; do
    pid_stop "redis-$n" 10 || true
  done
  return 0
}

status() {
  local n
  for n in master replica tls loading; do
    if pid_alive "redis-$n"; then echo "$n: running (pid $(pid_get "redis-$n"))"; else echo "$n: stopped"; fi
  done
}

case ${1:-} in
  up) up ;;
  down) down || true; exit 0 ;;
  stop-master) pid_stop redis-master 10 ;;
  start-master)
    start master "$MASTER_PORT" --port "$MASTER_PORT"
    wait_reply replica "$REPLICA_PORT" master_link_status:up info replication ;;
  start-loading) start_loading ;;
  stop-loading) pid_stop redis-loading 5 ;;
  status) status ;;
  *) echo "usage: $0 up|down|stop-master|start-master|start-loading|stop-loading|status" >&2; exit 2 ;;
esac
