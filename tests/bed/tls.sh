#!/usr/bin/env bash
# A dockerd of its own that speaks TLS only on TCP (--tlsverify: clients need a certificate signed
# by the CA), as a single-node swarm, for the remote-engine TLS tests. The test makes the
# certificates and starts and stops it: state in $BED/tls-engine, its own unix socket
# $BED/tls-engine/docker.sock (for swarm init), bridges swtls0/swtlsgw0, --iptables=false.
# Its PID is recorded as "tls-dockerd" (see lib.sh).
# Usage: tls.sh up CERT_DIR API_PORT SWARM_PORT | down | status
#   CERT_DIR holds ca.pem, server-cert.pem and server-key.pem; the API listens on 127.0.0.1:API_PORT.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
require_root

NAME=tls-dockerd
DIR=$BED/tls-engine
SOCK=$DIR/docker.sock
BRIDGE=swtls0
BRIDGE_CIDR=172.31.236.1/24
GW_BRIDGE=swtlsgw0
GW_SUBNET=172.31.237.0/24

cmd_up() {
  local certs=${1:?cert dir} port=${2:?api port} swarm_port=${3:?swarm port}
  local f
  for f in ca.pem server-cert.pem server-key.pem; do
    [[ -f $certs/$f ]] || die "no $certs/$f"
  done
  # Each run brings its own certificates: a daemon left by an earlier run goes first.
  if pid_alive "$NAME"; then cmd_down; fi
  ip link show "$BRIDGE" >/dev/null 2>&1 || ip link add "$BRIDGE" type bridge
  ip -4 addr show dev "$BRIDGE" | grep -q "inet $BRIDGE_CIDR" || ip addr add "$BRIDGE_CIDR" dev "$BRIDGE"
  ip link set "$BRIDGE" up
  start_dockerd "$NAME" "$DIR" "" "$BRIDGE" swtls --ip-forward=false \
    --tlsverify --tlscacert "$certs/ca.pem" --tlscert "$certs/server-cert.pem" --tlskey "$certs/server-key.pem" \
    -H "tcp://127.0.0.1:$port"
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
  dk "$SOCK" swarm init --advertise-addr "127.0.0.1:$swarm_port" --listen-addr "127.0.0.1:$swarm_port" \
    --data-path-port 4796 >/dev/null
}

cmd_down() {
  pid_stop "$NAME" 20 || true
  reap_orphans "$NAME" "$DIR/exec" || true
  umount_under "$DIR" || true
  wipe_dir "$DIR" || true
  local l
  for l in "$GW_BRIDGE" "$BRIDGE"; do
    if ip link show "$l" >/dev/null 2>&1; then ip link del "$l" 2>/dev/null || log "could not delete link $l"; fi
  done
  return 0
}

cmd_status() {
  if pid_alive "$NAME"; then
    echo "$NAME running, pid $(pid_get "$NAME"), socket $SOCK"
  else
    echo "$NAME not running"
  fi
}

case ${1:-} in
  up) shift; cmd_up "$@" ;;
  down) cmd_down ;;
  status) cmd_status ;;
  *) die "usage: $0 up CERT_DIR API_PORT SWARM_PORT | down | status" ;;
esac
