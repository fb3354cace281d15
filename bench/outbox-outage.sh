#!/usr/bin/env bash
# Benchmark of the outbox through a receiver outage: a webhook receiver refuses connections for
# DOWN seconds (default 300) while N notifications (default 20) wait with the default backoff
# (1 s base, full jitter, 5 min cap), then comes back. Every notification must arrive, none twice;
# prints how long after the receiver's return the last one arrived (bounded by the backoff cap).
# Needs no test bed. Writes bench/results/outbox-outage.txt.
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo"
DOWN=${1:-300}
N=${2:-20}
out=$repo/bench/results
mkdir -p "$out"
# One reactor build: this checkout's modules, not whatever ~/.m2 holds.
mvn -B -ntp -q -o -pl tests -am test-compile dependency:build-classpath -Dmdep.outputFile="$out/.outage-cp"
java=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java
"$java" -cp "tests/target/test-classes:$(cat "$out/.outage-cp")" dev.swarmwatch.tests.alerts.OutageBench "$DOWN" "$N" \
  </dev/null | tee "$out/outbox-outage.txt"
rm -f "$out/.outage-cp"
