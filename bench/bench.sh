#!/usr/bin/env bash
# Benchmark of the one-shot report against the sandbox swarm with N extra services (N = 20, 100):
#   * wall time of `swarmwatch report` end to end (JVM start included) vs a shell script calling
#     the docker CLI per service, measured by hyperfine in the same run;
#   * time of one check cycle inside a running process (after warm-up);
#   * Docker API calls per cycle.
# Needs the test bed (tests/bed/up.sh --no-quorum --swarm-only is enough). Writes bench/results/*.
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo"
BED=${SWARMWATCH_BED:-/tmp/swarmwatch-bed}
SOCK=unix://$BED/docker.sock
out=$repo/bench/results
mkdir -p "$out"
{ command -v hyperfine && [ -x /usr/bin/time ]; } >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hyperfine time; }
[ -S "$BED/docker.sock" ] || { echo "test bed not running: tests/bed/up.sh --no-quorum --swarm-only" >&2; exit 1; }

./swarmwatch report --format nagios -H "$SOCK" >/dev/null || true   # builds the jar and the CDS archive

summary=$out/summary.txt
: >"$summary"
for n in ${BENCH_SIZES:-20 100}; do
  bash tests/bed/bench-services.sh "$n"
  services=$(DOCKER_HOST=$SOCK /usr/bin/docker service ls -q | wc -l)
  hyperfine --warmup 2 --runs "${BENCH_RUNS:-10}" -i --style basic \
    --export-json "$out/report-n$n.json" \
    -n "swarmwatch report (N=$n)" "./swarmwatch report --format nagios -H $SOCK" \
    -n "shell script (N=$n)" "bash bench/shell-baseline.sh $SOCK" | tee "$out/report-n$n.txt"
  cycle=$(./swarmwatch bench -H "$SOCK" --warmup 30 --cycles 100)
  rss=$( { /usr/bin/time -f '%M' ./swarmwatch report --format nagios -H "$SOCK" >/dev/null; } 2>&1 | tail -1 || true)
  python3 - "$out/report-n$n.json" "$n" "$services" "$cycle" "$rss" >>"$summary" <<'PY'
import json, sys
data = json.load(open(sys.argv[1]))["results"]
sw, sh = data[0]["mean"], data[1]["mean"]
print(f"N={sys.argv[2]} ({sys.argv[3]} services): report {sw*1000:.0f} ms (sd {data[0]['stddev']*1000:.0f}), "
      f"shell {sh*1000:.0f} ms (sd {data[1]['stddev']*1000:.0f}), speed-up {sh/sw:.1f}x; "
      f"in-process: {sys.argv[4]}; report max RSS {int(sys.argv[5])//1024 if sys.argv[5].isdigit() else '?'} MB")
PY
  bash tests/bed/bench-services.sh clean
done
cat "$summary"
