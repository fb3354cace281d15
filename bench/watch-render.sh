#!/usr/bin/env bash
# The dashboard's frame cost and terminal traffic, in one JVM, no terminal needed: median time to
# render one frame of N services (default 2000) at 200x50, with and without painting into
# Lanterna's screen and a DELTA refresh; bytes a full redraw sends against a DELTA refresh after
# one row changed. Writes bench/results/watch-render.txt.
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo"
source scripts/jdk.sh
jdk=$(find_jdk)
SERVICES=${BENCH_SERVICES:-2000}
FRAMES=${BENCH_FRAMES:-300}
out=$repo/bench/results
mkdir -p "$out"
JAVA_HOME=$jdk mvn -B -ntp -q -o -pl dashboards -am test-compile dependency:build-classpath \
  -Dmdep.outputFile="$out/dashboards.classpath" -Dmdep.includeScope=test >/dev/null
cp="dashboards/target/test-classes:dashboards/target/classes:$(cat "$out/dashboards.classpath")"
"$jdk/bin/java" -cp "$cp" dev.swarmwatch.dashboards.bench.RenderBench "$SERVICES" "$FRAMES" | tee "$out/watch-render.txt"
