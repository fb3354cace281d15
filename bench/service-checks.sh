#!/usr/bin/env bash
# Benchmark of one cycle with many service checks on this machine: 200 HTTP endpoints (the sandbox
# swarm's bed-healthy replicas, 100 targets each), 5 PostgreSQL, 3 Patroni and 5 Redis targets from
# the test bed, plus the Swarm checks. Reports the cycle's wall time against its slowest single
# check (checks run concurrently, so the cycle should be close to the slowest, not the sum), and
# the agent's peak RSS. Needs the full test bed: tests/bed/up.sh --no-quorum.
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo"
BED=${SWARMWATCH_BED:-/tmp/swarmwatch-bed}
out=$repo/bench/results
mkdir -p "$out"
[ -S "$BED/docker.sock" ] && [ -f "$BED/postgres/ports" ] || { echo "test bed not running: tests/bed/up.sh --no-quorum" >&2; exit 1; }
cfg=$out/service-checks.yml
secret=$out/secret
printf 's3cret-for-tests\n' >"$secret"
pg=$(sed -n 's/^primary=//p' "$BED/postgres/ports"); standby=$(sed -n 's/^standby=//p' "$BED/postgres/ports")
{
  echo "engine:"
  echo "  host: unix://$BED/docker.sock"
  echo "targets:"
  echo "  http:"
  for i in $(seq 1 200); do
    echo "    - name: web-$i"
    echo "      url: http://127.0.1.$(( (i % 2) + 1 )):18080/?n=$i"
  done
  echo "  postgres:"
  for i in 1 2 3 4 5; do
    port=$pg; role=primary
    if (( i % 2 == 0 )); then port=$standby; role=standby; fi
    printf '    - {name: db-%d, host: 127.0.0.1, port: %d, user: swarmwatch, password_file: %s, query: SELECT 1, role: %s}\n' "$i" "$port" "$secret" "$role"
  done
  echo "  patroni:"
  for i in 1 2 3; do
    printf '    - {name: cluster-%d, members: "http://127.0.0.1:800%d,http://127.0.0.1:8001"}\n' "$i" "$i"
  done
  echo "  redis:"
  for i in 1 2 3 4 5; do
    port=$(( i % 2 == 0 ? 6392 : 6391 ))
    printf '    - {name: cache-%d, host: 127.0.0.1, port: %d, user: swarmwatch, password_file: %s}\n' "$i" "$port" "$secret"
  done
} >"$cfg"
./swarmwatch validate "$cfg"
result=$( { /usr/bin/time -f 'max_rss_kb=%M' ./swarmwatch bench --config "$cfg" --warmup 10 --cycles "${BENCH_CYCLES:-30}"; } 2>&1 )
echo "$result" | tee "$out/service-checks.txt"
rm -f "$secret"
