#!/usr/bin/env bash
# Three-manager swarm for quorum tests: three network namespaces swq1..swq3 on the host
# bridge swqbr0 (10.250.0.1/24; nodes 10.250.0.11-13), one dockerd per namespace with
# its state in $BED/qK and its API on unix://$BED/qK/docker.sock.
#
# Usage: quorum.sh up | down | stop K | start K | reset | status
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
require_root

HOST_BR=swqbr0
HOST_CIDR=10.250.0.1/24
NODES=(1 2 3)
RULE_MARK=$BED/quorum-iptables-rule   # exists iff we inserted the FORWARD rule

ns() { echo "swq$1"; }
addr() { echo "10.250.0.1$1"; }
hveth() { echo "swqh$1"; }
qdir() { echo "$BED/q$1"; }
qsock() { echo "$BED/q$1/docker.sock"; }
valid_k() { [[ ${1:-} =~ ^[123]$ ]] || die "node must be 1, 2 or 3 (got '${1:-}')"; }

# qdk K ARGS...: docker CLI against node K, bounded (a swarm without quorum hangs calls).
qdk() {
  local k=$1
  shift
  timeout "${QDK_TIMEOUT:-10}" env DOCKER_HOST="unix://$(qsock "$k")" "$DOCKER_CLI" "$@"
}

# ---- network ------------------------------------------------------------------------

net_up() {
  ip link show "$HOST_BR" >/dev/null 2>&1 || ip link add "$HOST_BR" type bridge
  ip -4 addr show dev "$HOST_BR" | grep -q "inet $HOST_CIDR" || ip addr add "$HOST_CIDR" dev "$HOST_BR"
  ip link set "$HOST_BR" up
  local k n
  for k in "${NODES[@]}"; do
    n=$(ns "$k")
    [[ -e /var/run/netns/$n ]] || ip netns add "$n"
    if ! ip link show "$(hveth "$k")" >/dev/null 2>&1; then
      ip -n "$n" link del eth0 2>/dev/null || true
      ip link add "$(hveth "$k")" type veth peer name eth0 netns "$n"
    fi
    ip link set "$(hveth "$k")" master "$HOST_BR" up
    ip -n "$n" link set lo up
    ip -n "$n" -4 addr show dev eth0 | grep -q "inet $(addr "$k")/24" ||
      ip -n "$n" addr add "$(addr "$k")/24" dev eth0
    ip -n "$n" link set eth0 up
    # the namespace's own default bridge for dockerd (never visible on the host)
    ip -n "$n" link show swqb0 >/dev/null 2>&1 || ip -n "$n" link add swqb0 type bridge
    ip -n "$n" -4 addr show dev swqb0 | grep -q "inet 172.31.24$k.1/24" ||
      ip -n "$n" addr add "172.31.24$k.1/24" dev swqb0
    ip -n "$n" link set swqb0 up
  done
  # A host dockerd may have set FORWARD to DROP; bridged traffic then never arrives.
  if [[ ! -e $RULE_MARK ]] && iptables -S FORWARD 2>/dev/null | grep -qx -- '-P FORWARD DROP'; then
    if ! iptables -C FORWARD -i "$HOST_BR" -o "$HOST_BR" -j ACCEPT 2>/dev/null; then
      iptables -I FORWARD -i "$HOST_BR" -o "$HOST_BR" -j ACCEPT
      touch "$RULE_MARK"
      log "inserted iptables FORWARD rule for $HOST_BR"
    fi
  fi
}

net_down() {
  local k
  for k in "${NODES[@]}"; do
    [[ -e /var/run/netns/$(ns "$k") ]] && ip netns del "$(ns "$k")" 2>/dev/null || true
    ip link show "$(hveth "$k")" >/dev/null 2>&1 && ip link del "$(hveth "$k")" 2>/dev/null || true
  done
  ip link show "$HOST_BR" >/dev/null 2>&1 && ip link del "$HOST_BR" 2>/dev/null || true
  if [[ -e $RULE_MARK ]]; then
    iptables -D FORWARD -i "$HOST_BR" -o "$HOST_BR" -j ACCEPT 2>/dev/null || true
    rm -f "$RULE_MARK"
  fi
}

# ---- daemons ------------------------------------------------------------------------

node_start() {
  local k=$1
  [[ -e /var/run/netns/$(ns "$k") ]] || die "namespace $(ns "$k") missing: run '$0 up'"
  # A manager with swarm state opens its API only once the swarm has a leader (or after
  # dockerd's own swarm start timeout): ~12 s when it restores a lost quorum.
  DOCKERD_START_TIMEOUT=60 start_dockerd "q$k" "$(qdir "$k")" "$(ns "$k")" swqb0 "swq$k"
}

node_stop() { pid_stop "q$1" "${2:-15}"; }

# run FUNC for nodes given, in parallel; fail if any fails
parallel_nodes() {
  local fn=$1 k p rc=0
  shift
  local -a pids=()
  for k in "$@"; do
    "$fn" "$k" &
    pids+=($!)
  done
  for p in "${pids[@]}"; do wait "$p" || rc=1; done
  return "$rc"
}

# ---- swarm --------------------------------------------------------------------------

node_state() { qdk "$1" info --format '{{.Swarm.LocalNodeState}}' 2>/dev/null || echo unknown; }

# healthy_managers: number of managers Ready and Leader/Reachable, asked of any live node
healthy_managers() {
  local k out
  for k in "${NODES[@]}"; do
    pid_alive "q$k" || continue
    if out=$(QDK_TIMEOUT=5 qdk "$k" node ls --format '{{.Status}} {{.ManagerStatus}}' 2>/dev/null); then
      grep -cE '^Ready (Leader|Reachable)$' <<<"$out" || true
      return 0
    fi
  done
  echo 0
}

wait_healthy() { # TIMEOUT_S -> 0 when 3 managers are Ready and Leader/Reachable
  local deadline=$(($(now_ms) + $1 * 1000)) n
  while :; do
    n=$(healthy_managers)
    ((n == 3)) && return 0
    (($(now_ms) > deadline)) && return 1
    sleep 0.3
  done
}

swarm_form() {
  local s1 s2 s3
  s1=$(node_state 1) s2=$(node_state 2) s3=$(node_state 3)
  if [[ $s1 == active && $s2 == active && $s3 == active ]] && wait_healthy 30; then
    return 0
  fi
  log "forming a new 3-manager swarm (node states: $s1 $s2 $s3)"
  local k
  for k in "${NODES[@]}"; do
    [[ $(node_state "$k") == inactive ]] || QDK_TIMEOUT=30 qdk "$k" swarm leave --force >/dev/null 2>&1 || true
  done
  qdk 1 swarm init --advertise-addr "$(addr 1)" --listen-addr "$(addr 1):2377" >/dev/null
  local token
  token=$(qdk 1 swarm join-token -q manager)
  for k in 2 3; do
    QDK_TIMEOUT=60 qdk "$k" swarm join --token "$token" \
      --advertise-addr "$(addr "$k")" --listen-addr "$(addr "$k"):2377" "$(addr 1):2377" >/dev/null
  done
  wait_healthy 60 || {
    qdk 1 node ls >&2 || true
    die "3 managers not Ready/Reachable within 60s"
  }
}

# ---- commands -----------------------------------------------------------------------

cmd_up() {
  timed "quorum network" net_up
  timed "quorum dockerds" parallel_nodes node_start "${NODES[@]}"
  timed "quorum swarm ready" swarm_form
  qdk 1 node ls >&2
}

cmd_down() {
  local k
  # Followers first, then node 1: stopping all managers at once makes each wait for the
  # others during shutdown (~7 s instead of ~3 s).
  parallel_nodes node_stop 2 3 || true
  node_stop 1 || true
  for k in "${NODES[@]}"; do
    reap_orphans "q$k" "$(qdir "$k")/exec"
    umount_under "$(qdir "$k")"
    if [[ ${SWARMWATCH_BED_KEEP_STATE:-0} != 1 ]]; then
      wipe_dir "$(qdir "$k")/data"
      wipe_dir "$(qdir "$k")/exec"
      rm -f "$(qdir "$k")/key.json" "$(qdir "$k")/daemon.json" "$(qdir "$k")/docker.sock" "$(qdir "$k")/dockerd.pid"
    fi
  done
  net_down
  return 0
}

cmd_reset() {
  local k stopped=()
  for k in "${NODES[@]}"; do pid_alive "q$k" || stopped+=("$k"); done
  if [[ -e /var/run/netns/swq1 && -e /var/run/netns/swq2 && -e /var/run/netns/swq3 ]] &&
    ip link show "$HOST_BR" >/dev/null 2>&1; then
    ((${#stopped[@]} == 0)) || timed "restart nodes ${stopped[*]}" parallel_nodes node_start "${stopped[@]}"
    if timed "quorum recovers" wait_healthy 30; then
      qdk 1 node ls >&2 || true
      return 0
    fi
    log "swarm did not recover within 30s; rebuilding it"
  fi
  cmd_down
  cmd_up
}

cmd_status() {
  local k swarm
  for k in "${NODES[@]}"; do
    if pid_alive "q$k"; then
      swarm=$(QDK_TIMEOUT=5 qdk "$k" info --format '{{json .Swarm}}' 2>&1 | head -c 600) || true
      printf 'q%s dockerd=%s swarm=%s\n' "$k" "$(pid_get "q$k")" "$swarm"
    else
      printf 'q%s dockerd=stopped\n' "$k"
    fi
  done
  for k in "${NODES[@]}"; do
    pid_alive "q$k" || continue
    QDK_TIMEOUT=5 qdk "$k" node ls 2>&1 && break
  done
}

case ${1:-} in
  up) cmd_up ;;
  down) cmd_down ;;
  stop) valid_k "${2:-}"; timed "stop node $2" node_stop "$2" ;;
  start) valid_k "${2:-}"; timed "start node $2" node_start "$2" ;;
  reset) cmd_reset ;;
  status) cmd_status ;;
  *) die "usage: $0 up | down | stop K | start K | reset | status" ;;
esac
