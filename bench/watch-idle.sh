#!/usr/bin/env bash
# swarmwatch watch left alone, as an operator leaves it in a tmux pane: N=100 extra services on the
# sandbox swarm, the default 2 s interval, a 200x50 pane; CPU as a share of one core and RSS over
# BENCH_SECONDS (default 300) after a 20 s warm-up. Changes the shared bed (100 services): run it
# under the bed lock (flock -o /tmp/swarmwatch-bed.lock bash bench/watch-idle.sh).
# Writes bench/results/watch-idle.txt.
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo"
BED=${SWARMWATCH_BED:-/tmp/swarmwatch-bed}
SECONDS_MEASURED=${BENCH_SECONDS:-300}
out=$repo/bench/results
mkdir -p "$out"
[ -S "$BED/docker.sock" ] || { echo "test bed not running: tests/bed/up.sh --no-quorum --swarm-only" >&2; exit 1; }
tmux_sock="swarmwatch-bench-$$"
bash tests/bed/bench-services.sh 100
trap 'tmux -L "$tmux_sock" kill-server 2>/dev/null || true; bash tests/bed/bench-services.sh clean' EXIT
tmux -L "$tmux_sock" new-session -d -s bench -x 200 -y 50 \
  "$repo/swarmwatch watch -H unix://$BED/docker.sock; sleep 600"
shell=$(tmux -L "$tmux_sock" display-message -p -t bench '#{pane_pid}')
pid=""
for _ in $(seq 1 100); do
  pid=$(cat "/proc/$shell/task/$shell/children" 2>/dev/null | awk '{print $1}')
  [ -n "$pid" ] && tmux -L "$tmux_sock" capture-pane -p -t bench | grep -q 'bench-100' && break
  sleep 0.3
done
[ -n "$pid" ] || { echo "watch did not start" >&2; exit 1; }
sleep 20 # warm-up: JIT, first cycles
ticks=$(getconf CLK_TCK)
cpu() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
c0=$(cpu); t0=$(date +%s.%N); rss_max=0
for _ in $(seq 1 $((SECONDS_MEASURED / 5))); do
  sleep 5
  rss=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
  (( rss > rss_max )) && rss_max=$rss
done
c1=$(cpu); t1=$(date +%s.%N)
rss_end=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
tmux -L "$tmux_sock" capture-pane -p -t bench > "$out/watch-idle-screen.txt"
python3 - "$c0" "$c1" "$t0" "$t1" "$ticks" "$rss_max" "$rss_end" "$SECONDS_MEASURED" <<'PY' | tee "$out/watch-idle.txt"
import sys
c0, c1, t0, t1, ticks = map(float, sys.argv[1:6])
rss_max, rss_end = int(sys.argv[6]), int(sys.argv[7])
cpu = (c1 - c0) / ticks / (t1 - t0) * 100
print(f"watch, N=100 extra services, interval 2s, 200x50 pane, {int(sys.argv[8])} s after a 20 s warm-up: "
      f"CPU {cpu:.2f}% of one core, RSS max {rss_max // 1024} MB (end {rss_end // 1024} MB)")
PY
