#!/usr/bin/env bash
# Create N bench services on the sandbox swarm, or remove them.
#   bench-services.sh N      create bench-1..bench-N (1 replica, sleep 100000, label
#                            swarmwatch.bench=1) in parallel; wait until all N have a
#                            running task
#   bench-services.sh clean  remove every service labelled swarmwatch.bench=1 and wait
#                            until their tasks/containers are gone
# Env: BENCH_PARALLEL (default 32) concurrent CLI calls.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

SOCK=$BED/docker.sock
PAR=${BENCH_PARALLEL:-32}
[[ -S $SOCK ]] || die "sandbox dockerd not running ($SOCK): run tests/bed/up.sh"
export DOCKER_HOST=unix://$SOCK

bench_names() { "$DOCKER_CLI" service ls --filter label=swarmwatch.bench=1 --format '{{.Name}}'; }

create() {
  local n=$1 t0
  t0=$(now_ms)
  local existing
  existing=" $(bench_names | tr '\n' ' ') "
  local todo=() i
  for ((i = 1; i <= n; i++)); do
    [[ $existing == *" bench-$i "* ]] || todo+=("bench-$i")
  done
  if ((${#todo[@]})); then
    printf '%s\n' "${todo[@]}" | xargs -P "$PAR" -I{} \
      "$DOCKER_CLI" service create --detach --quiet --no-resolve-image --init --network host \
      --label swarmwatch.bench=1 --name {} --replicas 1 "$BED_IMAGE" sleep 100000 >/dev/null ||
      die "creating bench services failed"
  fi
  log "TIMING bench submit ${#todo[@]} of $n: $(fmt_ms $(($(now_ms) - t0)))"
  local deadline=$(($(now_ms) + (60 + n) * 1000)) ok
  while :; do
    # REPLICAS is "running/desired"
    ok=$("$DOCKER_CLI" service ls --filter label=swarmwatch.bench=1 --format '{{.Name}} {{.Replicas}}' |
      awk -v n="$n" '{split($1, a, "-"); if (a[2] + 0 >= 1 && a[2] + 0 <= n && $2 == "1/1") c++} END {print c + 0}')
    ((ok >= n)) && break
    (($(now_ms) > deadline)) && die "only $ok of $n bench services running after $((60 + n))s"
    sleep 0.5
  done
  log "TIMING bench $n services running: $(fmt_ms $(($(now_ms) - t0)))"
}

clean() {
  local t0 names
  t0=$(now_ms)
  names=$(bench_names)
  if [[ -n $names ]]; then
    # shellcheck disable=SC2086
    "$DOCKER_CLI" service rm $names >/dev/null
  fi
  local deadline=$(($(now_ms) + 120000)) left
  while :; do
    left=$("$DOCKER_CLI" ps -a --filter label=com.docker.swarm.service.name --format '{{.Label "com.docker.swarm.service.name"}}' |
      grep -c '^bench-' || true)
    ((left == 0)) && [[ -z $(bench_names) ]] && break
    (($(now_ms) > deadline)) && die "$left bench containers still present after 120s"
    sleep 0.5
  done
  log "TIMING bench clean: $(fmt_ms $(($(now_ms) - t0)))"
}

case ${1:-} in
  clean) clean ;;
  '' | *[!0-9]*) die "usage: $0 N | clean" ;;
  *) create "$1" ;;
esac
