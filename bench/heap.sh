#!/usr/bin/env bash
# The daemon's heap at a large swarm: ./swarmwatch run (the launcher's flags, its -Xmx) against
# the fake engine (tests/.../fake/FakeEngine) serving a generated swarm in the recorded answers'
# shape, SERVICES services and TASKS tasks (default 2000 / 20000; BIGNAME > 0 makes the first
# service's name that many characters). After CYCLES cycles (default 5) at a 3 s interval it
# forces a full GC (jcmd GC.run) and reports the live heap (jcmd GC.heap_info, used after GC),
# the committed heap, RSS, cycle times, and whether the daemon threw OutOfMemoryError.
# Needs no bed. Usage: bench/heap.sh [SERVICES TASKS [BIGNAME]]
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo"
SERVICES=${1:-2000}
TASKS=${2:-20000}
BIGNAME=${3:-0}
CYCLES=${BENCH_CYCLES:-5}
PORT=${BENCH_PORT:-19498}
out=$repo/bench/results
work=$(mktemp -d /tmp/swarmwatch-heap.XXXXXX)
mkdir -p "$out"
source scripts/jdk.sh
jdk=$(find_jdk)
[ -f tests/target/test-classes/dev/swarmwatch/tests/fake/FakeEngine.class ] ||
  JAVA_HOME="$jdk" mvn -q -B -o -pl tests test-compile >&2

"$jdk/bin/java" -cp tests/target/test-classes dev.swarmwatch.tests.fake.FakeEngine \
  "$work/docker.sock" HEALTHY "$SERVICES" "$TASKS" "$BIGNAME" >"$work/fake.log" 2>&1 </dev/null &
fake=$!
daemon=
cleanup() {
  [ -n "$daemon" ] && { kill -TERM "$daemon" 2>/dev/null || true; wait "$daemon" 2>/dev/null || true; }
  kill -TERM "$fake" 2>/dev/null || true
  wait "$fake" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
for _ in $(seq 1 100); do [ -S "$work/docker.sock" ] && break; sleep 0.2; done
[ -S "$work/docker.sock" ] || { echo "fake engine did not start: $(cat "$work/fake.log")" >&2; exit 1; }
bytes=$(curl -s --unix-socket "$work/docker.sock" http://x/tasks | wc -c)

./swarmwatch run -H "unix://$work/docker.sock" --listen "127.0.0.1:$PORT" --interval 3s \
  >"$out/heap-daemon.log" 2>&1 </dev/null &
daemon=$!   # the launcher execs java: this is the JVM's PID
deadline=$((SECONDS + 180))
while (( $(grep -c 'event=cycle ' "$out/heap-daemon.log" || true) < CYCLES )); do
  if ! kill -0 "$daemon" 2>/dev/null || (( SECONDS > deadline )); then
    echo "daemon stopped or too slow; its log:" >&2; tail -20 "$out/heap-daemon.log" >&2; exit 1
  fi
  sleep 0.5
done
xmx=$(tr '\0' ' ' <"/proc/$daemon/cmdline" | grep -o -- '-Xmx[0-9a-zA-Z]*' || echo "no -Xmx")
"$jdk/bin/jcmd" "$daemon" GC.run >/dev/null
info=$("$jdk/bin/jcmd" "$daemon" GC.heap_info)
rss=$(awk '/VmRSS/ {print int($2 / 1024)}' "/proc/$daemon/status")
hwm=$(awk '/VmHWM/ {print int($2 / 1024)}' "/proc/$daemon/status")
oom=$(grep -c 'OutOfMemoryError' "$out/heap-daemon.log" || true)
python3 - "$SERVICES" "$TASKS" "$BIGNAME" "$bytes" "$xmx" "$rss" "$hwm" "$oom" "$out/heap-daemon.log" "$info" <<'PY' | tee "$out/heap-$SERVICES-$TASKS.txt"
import re, statistics, sys
services, tasks, bigname, body, xmx, rss, hwm, oom, log, info = sys.argv[1:11]
used = sum(int(k) for k in re.findall(r"used (\d+)K", info))
total = sum(int(k) for k in re.findall(r"total (\d+)K", info))
cycles = [l for l in open(log) if "event=cycle " in l]
durations = [int(m.group(1)) for l in cycles for m in [re.search(r"duration_ms=(\d+)", l)] if m]
status = {re.search(r"status=(\w+)", l).group(1) for l in cycles}
print(f"{services} services, {tasks} tasks (/tasks answer {int(body) / 1e6:.1f} MB)"
      + (f", one service name of {bigname} characters" if bigname != "0" else "")
      + f"; launcher {xmx}: live heap after full GC {used / 1024:.1f} MB (committed {total / 1024:.1f} MB), "
      f"RSS {rss} MB (peak {hwm} MB), {len(cycles)} cycles, median cycle {statistics.median(durations)} ms, "
      f"max {max(durations)} ms, statuses {sorted(status)}, OutOfMemoryError in log: {oom}")
PY
