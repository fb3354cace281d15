#!/usr/bin/env bash
# The whole test suite on a machine of this project's kind, as root: installs what the tests
# need (Debian packages), starts the real test bed (sandbox swarm, three-manager swarm), builds
# and runs every unit and integration test, and stops exactly what it started.
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo"
source scripts/jdk.sh
export SWARMWATCH_BED=${SWARMWATCH_BED:-/tmp/swarmwatch-bed}

command -v mvn >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq maven; }
jdk=$(find_jdk)
bash tests/bed/install.sh

trap 'bash tests/bed/down.sh' EXIT
bash tests/bed/up.sh

JAVA_HOME=$jdk mvn -B -ntp verify -Dswarmwatch.bed="$SWARMWATCH_BED"
