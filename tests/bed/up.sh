#!/usr/bin/env bash
# Start the swarmwatch test bed (idempotent):
#   * a sandbox dockerd (own state in $BED, own bridge swbed0) as a single-node swarm
#     with four known-state services labelled swarmwatch.bed=1,
#   * the three-manager swarm of tests/bed/quorum.sh,
#   * a dockerd of its own (single-node swarm) that tests may freeze (tests/bed/freeze.sh),
# then PostgreSQL, Patroni and Redis (postgres.sh, patroni.sh, redis.sh), then write $BED/env.
# Usage: tests/bed/up.sh [--no-quorum] [--swarm-only]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
require_root

with_quorum=1
with_services=1
for a in "$@"; do
  case $a in
    --no-quorum) with_quorum=0 ;;
    --swarm-only) with_services=0 ;;
    *) die "usage: $0 [--no-quorum] [--swarm-only]" ;;
  esac
done

SOCK=$BED/docker.sock
BRIDGE=swbed0
BRIDGE_CIDR=172.31.250.1/24
GW_BRIDGE=swbedgw0          # our docker_gwbridge (the default name would collide with a system docker)
GW_SUBNET=172.31.251.0/24

t_all=$(now_ms)
mkdir -p "$BED"
for b in dockerd nsenter ip; do command -v "$b" >/dev/null || die "$b missing: run tests/bed/install.sh"; done

bridge_up() {
  ip link show "$BRIDGE" >/dev/null 2>&1 || ip link add "$BRIDGE" type bridge
  ip -4 addr show dev "$BRIDGE" | grep -q "inet $BRIDGE_CIDR" || ip addr add "$BRIDGE_CIDR" dev "$BRIDGE"
  ip link set "$BRIDGE" up
}

daemon_up() {
  bridge_up
  # --ip-forward=false: leave the host's net.ipv4.ip_forward alone (nothing here routes).
  start_dockerd dockerd "$BED" "" "$BRIDGE" swbed --ip-forward=false
}

swarm_up() {
  local state
  state=$(dk "$SOCK" info --format '{{.Swarm.LocalNodeState}}')
  [[ $state == active ]] && return 0
  [[ $state == inactive ]] || die "sandbox swarm is in state '$state'"
  # Pre-create docker_gwbridge with our own bridge name and subnet (must exist before
  # the swarm creates the ingress sandbox).
  if ! dk "$SOCK" network inspect docker_gwbridge >/dev/null 2>&1; then
    dk "$SOCK" network create --driver bridge --subnet "$GW_SUBNET" \
      --opt com.docker.network.bridge.name="$GW_BRIDGE" \
      --opt com.docker.network.bridge.enable_icc=false \
      --opt com.docker.network.bridge.enable_ip_masquerade=false \
      docker_gwbridge >/dev/null
  fi
  dk "$SOCK" swarm init --advertise-addr 127.0.0.1 --listen-addr 127.0.0.1:2377 >/dev/null
}

image_up() {
  dk "$SOCK" image inspect "$BED_IMAGE" >/dev/null 2>&1 && return 0
  local root=$BED/rootfs
  rm -rf "$root"
  mkdir -p "$root"/{bin,etc,tmp,proc,sys,dev,root,var/www}
  chmod 1777 "$root/tmp"
  cp /bin/busybox "$root/bin/busybox"
  local a
  for a in sh httpd wget sleep echo cat true false env ls ps id hostname kill; do
    ln -s busybox "$root/bin/$a"
  done
  echo 'root:x:0:0:root:/root:/bin/sh' >"$root/etc/passwd"
  echo 'root:x:0:' >"$root/etc/group"
  echo 'swarmwatch bed ok' >"$root/index.html"
  tar -C "$root" -c . | dk "$SOCK" import \
    --change 'ENV PATH=/bin' --change 'CMD ["sh"]' - "$BED_IMAGE" >/dev/null
}

service_up() { # NAME ARGS... (create unless it exists)
  local name=$1
  shift
  dk "$SOCK" service inspect "$name" >/dev/null 2>&1 && return 0
  dk "$SOCK" service create --detach --quiet --no-resolve-image --init --network host \
    --label swarmwatch.bed=1 --name "$name" "$@" >/dev/null
}

services_up() {
  local -a pids=()
  service_up bed-healthy --replicas 2 \
    --label com.docker.stack.namespace=bed \
    --env 'SLOT={{.Task.Slot}}' \
    "$BED_IMAGE" sh -c 'exec httpd -f -p 127.0.1.$SLOT:18080 -h /' &
  pids+=($!)
  service_up bed-crashing --replicas 1 \
    --restart-condition any --restart-delay 1s \
    "$BED_IMAGE" sh -c 'sleep 2; exit 1' &
  pids+=($!)
  service_up bed-unschedulable --replicas 2 \
    --constraint 'node.labels.nope==1' \
    "$BED_IMAGE" sleep 100000 &
  pids+=($!)
  service_up bed-global --mode global \
    "$BED_IMAGE" sleep 100000 &
  pids+=($!)
  local p rc=0
  for p in "${pids[@]}"; do wait "$p" || rc=1; done
  ((rc == 0)) || die "creating a bed service failed"
}

running_tasks() { # SERVICE -> number of tasks desired and currently running
  dk "$SOCK" service ps "$1" --filter desired-state=running --format '{{.CurrentState}}' 2>/dev/null |
    grep -c '^Running' || true
}

failed_tasks() {
  dk "$SOCK" service ps "$1" --format '{{.CurrentState}}' 2>/dev/null | grep -c '^Failed' || true
}

services_wait() {
  local deadline=$(($(now_ms) + 60000)) h=0 c=0 g=0
  while :; do
    h=$(running_tasks bed-healthy)
    c=$(failed_tasks bed-crashing)
    g=$(running_tasks bed-global)
    ((h == 2 && c >= 1 && g >= 1)) && break
    if (($(now_ms) > deadline)); then
      dk "$SOCK" service ls >&2 || true
      dk "$SOCK" service ps --no-trunc bed-healthy bed-crashing bed-global >&2 || true
      die "services not in their known state after 60s: bed-healthy running=$h/2, bed-crashing failed=$c (want >=1), bed-global running=$g"
    fi
    sleep 0.5
  done
  local u
  u=$(running_tasks bed-unschedulable)
  ((u == 0)) || die "bed-unschedulable has $u running tasks, expected 0"
}

write_env() {
  cat >"$BED/env.tmp" <<ENV
# swarmwatch test bed (written by tests/bed/up.sh). Plain KEY=value lines:
# use  set -a; . $BED/env; set +a  to export them.
SWARMWATCH_BED=$BED
SWARMWATCH_BED_DOCKER_HOST=unix://$BED/docker.sock
SWARMWATCH_BED_API_VERSION=$(dk "$SOCK" version --format '{{.Server.APIVersion}}')
SWARMWATCH_BED_Q1_DOCKER_HOST=unix://$BED/q1/docker.sock
SWARMWATCH_BED_Q2_DOCKER_HOST=unix://$BED/q2/docker.sock
SWARMWATCH_BED_Q3_DOCKER_HOST=unix://$BED/q3/docker.sock
SWARMWATCH_BED_HEALTHY_URLS=http://127.0.1.1:18080/,http://127.0.1.2:18080/
SWARMWATCH_BED_QUORUM_SCRIPT=$BED_SCRIPTS/quorum.sh
SWARMWATCH_BED_FREEZE_DOCKER_HOST=unix://$BED/freeze/docker.sock
ENV
  if ((with_quorum == 0)); then
    sed -i '/_Q[123]_DOCKER_HOST=/d' "$BED/env.tmp"
  fi
  mv "$BED/env.tmp" "$BED/env"
}

timed "prometheus (promtool, prometheus)" "$BED_SCRIPTS/prometheus.sh" install
timed "sandbox dockerd" daemon_up
timed "sandbox swarm init" swarm_up
timed "image import" image_up
timed "services create" services_up
timed "services reach known state" services_wait
timed "freeze dockerd (single-node swarm)" "$BED_SCRIPTS/freeze.sh" up
if ((with_quorum)); then
  timed "quorum swarm (3 managers)" "$BED_SCRIPTS/quorum.sh" up
fi
if ((with_services)); then
  timed "postgres (primary, hot and cold standby)" "$BED_SCRIPTS/postgres.sh" up
  timed "patroni (etcd + 3 members)" "$BED_SCRIPTS/patroni.sh" up
  timed "redis (master, replica, TLS)" "$BED_SCRIPTS/redis.sh" up
fi
write_env
log "TIMING up.sh total: $(fmt_ms $(($(now_ms) - t_all)))"
log "bed is up; env file: $BED/env"
cat "$BED/env"
