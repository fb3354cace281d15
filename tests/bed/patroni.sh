#!/usr/bin/env bash
# A three-member Patroni 3 cluster on one etcd, for the patroni check's tests. All state in
# $BED/patroni. etcd (v2 API, which Debian's python3-etcd speaks) on 127.0.0.1:23790 (peer
# 23800), so it never meets a packaged etcd on 2379. Member K (1..3): REST 127.0.0.1:800K,
# PostgreSQL 127.0.0.1:544K (not 5431-5433: 5432 is where Debian puts its own cluster), data $BED/patroni/nodeK/data, patroni run as user postgres.
#
# Usage: patroni.sh up | down | stop K | start K | pause | resume | status | leader | reset
#   leader: prints "NAME TIMELINE" of the current leader (what the tests compare against)
#   reset:  every member running, maintenance off, node1 leader, two replicas streaming
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
require_root

PDIR=$BED/patroni
PG_BIN=/usr/lib/postgresql/15/bin
ETCD_CLIENT=127.0.0.1:23790
ETCD_PEER=127.0.0.1:23800
SCOPE=swarmwatch-bed
NODES=(1 2 3)

valid_k() { [[ ${1:-} =~ ^[123]$ ]] || die "member must be 1, 2 or 3 (got '${1:-}')"; }
ndir() { echo "$PDIR/node$1"; }
nyml() { echo "$PDIR/node$1/node$1.yml"; }
as_postgres() { setpriv --reuid=postgres --regid=postgres --init-groups -- "$@"; }
ctl() { timeout 30 patronictl -c "$(nyml 1)" "$@"; }

install_packages() {
  local missing=()
  command -v etcd >/dev/null || missing+=(etcd-server)
  command -v patroni >/dev/null || missing+=(patroni)
  [[ -x $PG_BIN/postgres ]] || missing+=(postgresql)
  command -v curl >/dev/null || missing+=(curl)
  ((${#missing[@]} == 0)) && return 0
  log "installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q >/dev/null
  apt-get install -y -q "${missing[@]}" >/dev/null
}

# ---- etcd ----------------------------------------------------------------------------

etcd_healthy() { curl -fsS --max-time 2 "http://$ETCD_CLIENT/health" 2>/dev/null | grep -q '"health":"true"'; }

etcd_up() {
  if ! pid_alive etcd; then
    mkdir -p "$PDIR/etcd"
    # etcd 3.4 still serves the v2 API when asked; patroni's `etcd:` section needs it.
    setsid etcd --name default --enable-v2=true --data-dir "$PDIR/etcd/data" \
      --listen-client-urls "http://$ETCD_CLIENT" --advertise-client-urls "http://$ETCD_CLIENT" \
      --listen-peer-urls "http://$ETCD_PEER" --initial-advertise-peer-urls "http://$ETCD_PEER" \
      --initial-cluster "default=http://$ETCD_PEER" --listen-metrics-urls "" \
      >>"$PDIR/etcd/etcd.log" 2>&1 </dev/null &
    pid_record etcd "$!"
  fi
  local deadline=$(($(now_ms) + 20000))
  until etcd_healthy; do
    pid_alive etcd || { tail -n 20 "$PDIR/etcd/etcd.log" >&2; die "etcd exited during start-up"; }
    (($(now_ms) < deadline)) || { tail -n 20 "$PDIR/etcd/etcd.log" >&2; die "etcd not healthy within 20s"; }
    sleep 0.2
  done
}

# ---- patroni members -------------------------------------------------------------------

write_config() {
  local k=$1 d
  d=$(ndir "$k")
  mkdir -p "$d"
  cat >"$(nyml "$k")" <<EOF
scope: $SCOPE
name: node$k
log:
  level: INFO
restapi:
  listen: 127.0.0.1:800$k
  connect_address: 127.0.0.1:800$k
etcd:
  host: $ETCD_CLIENT
bootstrap:
  dcs:
    ttl: 10
    loop_wait: 2
    retry_timeout: 5
    maximum_lag_on_failover: 1048576
    postgresql:
      use_pg_rewind: true
      parameters:
        wal_log_hints: 'on'
        max_wal_senders: 10
        max_replication_slots: 10
  initdb:
  - encoding: UTF8
  - auth: trust
postgresql:
  listen: 127.0.0.1:544$k
  connect_address: 127.0.0.1:544$k
  data_dir: $d/data
  bin_dir: $PG_BIN
  pgpass: $d/pgpass
  authentication:
    superuser: {username: postgres, password: bed}
    replication: {username: replicator, password: bed}
  parameters:
    unix_socket_directories: '$d'
    shared_buffers: 16MB
    fsync: 'off'
  pg_hba:
  - local all all trust
  - host all all 127.0.0.1/32 trust
  - host replication replicator 127.0.0.1/32 trust
EOF
  chown -R postgres:postgres "$d"
  chmod 700 "$d"
}

member_start() {
  local k=$1
  pid_alive "patroni$k" && return 0
  [[ -f $(nyml "$k") ]] || write_config "$k"
  echo "==== $(date -Is) starting patroni node$k" >>"$(ndir "$k")/patroni.log"
  setsid setpriv --reuid=postgres --regid=postgres --init-groups -- \
    patroni "$(nyml "$k")" >>"$(ndir "$k")/patroni.log" 2>&1 </dev/null &
  pid_record "patroni$k" "$!"
}

# Patroni stops its PostgreSQL itself on SIGTERM. The postmaster is not patroni's child
# (patroni detaches it), so a leftover one is found through its own postmaster.pid.
member_stop() {
  local k=$1 d
  d=$(ndir "$k")
  pid_stop "patroni$k" 30
  if [[ -f $d/data/postmaster.pid ]] && as_postgres "$PG_BIN/pg_ctl" -D "$d/data" status >/dev/null 2>&1; then
    log "node$k: postgres outlived patroni, stopping it"
    as_postgres "$PG_BIN/pg_ctl" -D "$d/data" -m fast -w -t 20 stop >/dev/null 2>&1 || true
  fi
}

# cluster JSON from the first member that answers
cluster_json() {
  local k
  for k in "${NODES[@]}"; do
    curl -fsS --max-time 2 "http://127.0.0.1:800$k/cluster" 2>/dev/null && return 0
  done
  return 1
}

# summary line: "LEADER TIMELINE RUNNING_REPLICAS PAUSED" (python3 is there: patroni needs it)
cluster_line() {
  cluster_json | python3 -c '
import json, sys
c = json.load(sys.stdin)
m = c.get("members", [])
lead = [x for x in m if x.get("role") in ("leader", "standby_leader")]
ok = [x for x in m if x.get("role") not in ("leader", "standby_leader")
      and x.get("state") in ("streaming", "running") and x.get("lag", "x") == 0]
print(lead[0]["name"] if len(lead) == 1 else "-", lead[0].get("timeline", 0) if len(lead) == 1 else 0,
      len(ok), "paused" if c.get("pause") else "active")'
}

# wait_healthy TIMEOUT_S: a leader, two replicas streaming with no lag, not paused
wait_healthy() {
  local deadline=$(($(now_ms) + $1 * 1000)) line=""
  while :; do
    line=$(cluster_line 2>/dev/null) || line=""
    if [[ $line =~ ^node[123]\ [0-9]+\ 2\ active$ ]]; then
      log "cluster healthy: $line"
      return 0
    fi
    (($(now_ms) < deadline)) || { log "cluster not healthy within $1s (last: '${line:-no answer}')"; return 1; }
    sleep 0.3
  done
}

# ---- commands --------------------------------------------------------------------------

cmd_up() {
  timed "patroni packages" install_packages
  mkdir -p "$PDIR"
  timed "etcd ready" etcd_up
  local k
  for k in "${NODES[@]}"; do member_start "$k"; done
  timed "patroni cluster healthy" wait_healthy 90 || {
    for k in "${NODES[@]}"; do tail -n 15 "$(ndir "$k")/patroni.log" >&2 || true; done
    die "patroni cluster did not become healthy"
  }
}

cmd_down() {
  local k
  for k in 3 2 1; do member_stop "$k" || true; done
  pid_stop etcd 15 || true
  if [[ ${SWARMWATCH_BED_KEEP_STATE:-0} != 1 && -d $PDIR ]]; then
    wipe_dir "$PDIR"
  fi
  return 0
}

cmd_reset() {
  if ! pid_alive etcd; then
    cmd_down
    cmd_up
  fi
  local k
  for k in "${NODES[@]}"; do member_start "$k"; done
  if [[ $(cluster_line 2>/dev/null) == *paused ]]; then
    ctl resume --wait >/dev/null || true
  fi
  if ! timed "patroni cluster healthy" wait_healthy 60; then
    log "cluster did not recover; rebuilding it"
    cmd_down
    cmd_up
  fi
  # Tests name the leader: put it back on node1.
  local leader
  read -r leader _ < <(cluster_line)
  if [[ $leader != node1 ]]; then
    timed "switchover $leader -> node1" ctl switchover --leader "$leader" --candidate node1 --force >/dev/null
    wait_healthy 60 || die "cluster not healthy after switchover"
    read -r leader _ < <(cluster_line)
    [[ $leader == node1 ]] || die "switchover left $leader leader"
  fi
}

cmd_status() {
  local k
  printf 'etcd pid=%s\n' "$(pid_get etcd || echo stopped)"
  for k in "${NODES[@]}"; do printf 'node%s patroni pid=%s\n' "$k" "$(pid_get "patroni$k" || echo stopped)"; done
  pid_alive etcd && ctl list 2>&1 || true
}

case ${1:-} in
  up) cmd_up ;;
  down) cmd_down ;;
  stop) valid_k "${2:-}"; timed "stop member $2" member_stop "$2" ;;
  start) valid_k "${2:-}"; member_start "$2" ;;
  pause) timed "pause" ctl pause --wait >/dev/null ;;
  resume) timed "resume" ctl resume --wait >/dev/null ;;
  status) cmd_status ;;
  leader) read -r l t _ < <(cluster_line) && echo "$l $t" ;;
  reset) cmd_reset ;;
  *) die "usage: $0 up | down | stop K | start K | pause | resume | status | leader | reset" ;;
esac
