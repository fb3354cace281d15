# shellcheck shell=bash
# find_jdk: prints a JDK home of version >= 21: JAVA_HOME if it is one, else the newest under
# /usr/lib/jvm, else the one behind `java` on PATH. Reads each JDK's release file: no JVM start.

jdk_major() {
  local v
  v=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release" 2>/dev/null || true)
  echo "${v:-0}"
}

find_jdk() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ] && [ "$(jdk_major "$JAVA_HOME")" -ge 21 ]; then
    echo "$JAVA_HOME"; return 0
  fi
  local best="" best_v=0 d v
  for d in /usr/lib/jvm/*/; do
    d=${d%/}
    [ -x "$d/bin/java" ] || continue
    v=$(jdk_major "$d")
    if [ "$v" -gt "$best_v" ]; then best=$d; best_v=$v; fi
  done
  if [ "$best_v" -ge 21 ]; then echo "$best"; return 0; fi
  if command -v java >/dev/null 2>&1; then
    local home
    home=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
    if [ "$(jdk_major "$home")" -ge 21 ]; then echo "$home"; return 0; fi
  fi
  echo "swarmwatch: needs a JDK 21 or newer (set JAVA_HOME, or install one under /usr/lib/jvm)" >&2
  return 3
}
