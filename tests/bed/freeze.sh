#!/usr/bin/env bash
# A small dockerd of its own, as a single-node swarm, for tests that freeze an engine with
# SIGSTOP/SIGCONT (never the shared sandbox one): state in $BED/freeze, API on
# unix://$BED/freeze/docker.sock, bridges swfrz0/swfrzgw0, swarm on 127.0.0.1:2380,
# --iptables=false. Its PID is recorded as "freeze-dockerd" (see lib.sh).
# Usage: freeze.sh up | down | status
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
require_root

NAME=freeze-dockerd
DIR=$BED/freeze
SOCK=$DIR/docker.sock
BRIDGE=swfrz0
BRIDGE_CIDR=172.31.253.1/24
GW_BRIDGE=swfrzgw0
GW_SUBNET=172.31.252.0/24

cmd_up() {
  ip link show "$BRIDGE" >/dev/null 2>&1 || ip link add "$BRIDGE" type bridge
  ip -4 addr show dev "$BRIDGE" | grep -q "inet $BRIDGE_CIDR" || ip addr add "$BRIDGE_CIDR" dev "$BRIDGE"
  ip link set "$BRIDGE" up
  start_dockerd "$NAME" "$DIR" "" "$BRIDGE" swfreeze --ip-forward=false
  local state
  state=$(dk "$SOCK" info --format '{{.Swarm.LocalNodeState}}')
  [[ $state == active ]] && return 0
  if ! dk "$SOCK" network inspect docker_gwbridge >/dev/null 2>&1; then
    dk "$SOCK" network create --driver bridge --subnet "$GW_SUBNET" \
      --opt com.docker.network.bridge.name="$GW_BRIDGE" \
      --opt com.docker.network.bridge.enable_icc=false \
      --opt com.docker.network.bridge.enable_ip_masquerade=false \
      docker_gwbridge >/dev/null
  fi
  dk "$SOCK" swarm init --advertise-addr 127.0.0.1:2380 --listen-addr 127.0.0.1:2380 \
    --data-path-port 4792 >/dev/null
}

cmd_down() {
  local pid
  # A test that died between SIGSTOP and SIGCONT leaves it stopped: SIGTERM would wait.
  if pid=$(pid_get "$NAME"); then kill -CONT "$pid" 2>/dev/null || true; fi
  pid_stop "$NAME" 20 || true
  reap_orphans "$NAME" "$DIR/exec" || true
  umount_under "$DIR" || true
  if [[ ${SWARMWATCH_BED_KEEP_STATE:-0} != 1 ]]; then
    wipe_dir "$DIR" || true
  fi
  local l
  for l in "$GW_BRIDGE" "$BRIDGE"; do
    if ip link show "$l" >/dev/null 2>&1; then ip link del "$l" 2>/dev/null || log "could not delete link $l"; fi
  done
  return 0
}

cmd_status() {
  if pid_alive "$NAME"; then
    echo "$NAME running, pid $(pid_get "$NAME"), state $(awk '{print $3}' "/proc/$(pid_get "$NAME")/stat"), socket $SOCK"
  else
    echo "$NAME not running"
  fi
}

case ${1:-} in
  up) cmd_up ;;
  down) cmd_down ;;
  status) cmd_status ;;
  *) die "usage: $0 up | down | status" ;;
esac
