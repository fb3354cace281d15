#!/usr/bin/env bash
# Daemon steady state on the sandbox swarm with N=100 extra services and the default 15 s
# interval, as a user would start it (./swarmwatch run, no tuning): RSS, CPU as a share of one
# core over the measuring period, and the time to serve /metrics. Needs the bed (up.sh --no-quorum --swarm-only).
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo"
BED=${SWARMWATCH_BED:-/tmp/swarmwatch-bed}
MINUTES=${BENCH_MINUTES:-10}
PORT=${BENCH_PORT:-19499}
out=$repo/bench/results
mkdir -p "$out"
[ -S "$BED/docker.sock" ] || { echo "test bed not running: tests/bed/up.sh --no-quorum --swarm-only" >&2; exit 1; }
bash tests/bed/bench-services.sh 100
./swarmwatch run -H "unix://$BED/docker.sock" --listen "127.0.0.1:$PORT" >"$out/daemon.log" 2>&1 &
launcher=$!
trap 'kill -TERM $launcher 2>/dev/null || true; wait $launcher 2>/dev/null || true; bash tests/bed/bench-services.sh clean' EXIT
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null && break; sleep 0.5; done
pid=$launcher   # the launcher execs java, so it is the JVM's PID
sleep 60        # warm-up: JIT, first cycles
ticks=$(getconf CLK_TCK)
cpu() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
c0=$(cpu); t0=$(date +%s.%N); rss_max=0
for _ in $(seq 1 $((MINUTES * 2))); do
  sleep 30
  rss=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
  (( rss > rss_max )) && rss_max=$rss
done
c1=$(cpu); t1=$(date +%s.%N)
rss_end=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
metrics=$(for _ in $(seq 1 20); do curl -s -o /dev/null -w '%{time_total}\n' "http://127.0.0.1:$PORT/metrics"; done | sort -n | awk '{a[NR]=$1} END {printf "median %.1f ms, max %.1f ms", a[int(NR/2)+1]*1000, a[NR]*1000}')
series=$(curl -s "http://127.0.0.1:$PORT/metrics" | grep -vc '^#')
cycles=$(grep -c 'event=cycle ' "$out/daemon.log")
python3 - "$c0" "$c1" "$t0" "$t1" "$ticks" "$rss_max" "$rss_end" "$metrics" "$series" "$cycles" "$MINUTES" <<'PY' | tee "$out/daemon.txt"
import sys
c0, c1, t0, t1, ticks = map(float, sys.argv[1:6])
rss_max, rss_end = int(sys.argv[6]), int(sys.argv[7])
cpu = (c1 - c0) / ticks / (t1 - t0) * 100
print(f"N=100 services, interval 15s, {sys.argv[11]} min after 1 min warm-up: CPU {cpu:.2f}% of one core, "
      f"RSS max {rss_max // 1024} MB (end {rss_end // 1024} MB), /metrics {sys.argv[8]} ({sys.argv[9]} series), "
      f"{sys.argv[10]} cycles logged")
PY
