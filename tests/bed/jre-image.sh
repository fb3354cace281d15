#!/usr/bin/env bash
# Build the base image the deploy tests use in place of eclipse-temurin:21-jre, which cannot be
# pulled here: a jlink runtime of this machine's JDK (>= 21), the C libraries it links, and busybox
# for a shell, imported into the sandbox dockerd as swarmwatch/jre:bed. Idempotent.
# Usage: tests/bed/jre-image.sh [SOCKET]   (default: the sandbox's $BED/docker.sock)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
source "$BED_SCRIPTS/../../scripts/jdk.sh"
require_root

sock=${1:-$BED/docker.sock}
image=swarmwatch/jre:bed
if dk "$sock" image inspect "$image" >/dev/null 2>&1; then
  log "$image present"
  exit 0
fi
jdk=$(find_jdk) || die "no JDK >= 21 for jlink"
root=$BED/jre-rootfs
rm -rf "$root"
mkdir -p "$root"/{bin,etc,tmp,opt/java,lib,lib64,var/lib/swarmwatch}
chmod 1777 "$root/tmp"
t0=$(now_ms)
# The modules the agent's jar needs (jdeps on the shaded jar would say the same, slower).
"$jdk/bin/jlink" --add-modules java.base,java.logging,java.management,java.naming,java.net.http,java.sql,java.xml,jdk.crypto.ec,jdk.unsupported,jdk.zipfs,jdk.jcmd \
  --strip-debug --no-header-files --no-man-pages --output "$root/opt/java/openjdk"
# Every shared library the runtime links, at the path the loader looks for it.
while read -r lib; do
  [[ -n $lib ]] || continue
  mkdir -p "$root$(dirname "$lib")"
  cp -L "$lib" "$root$lib"
done < <(find "$root/opt/java/openjdk" -type f \( -name '*.so' -o -path '*/bin/*' \) -exec ldd {} \; 2>/dev/null \
  | awk '$2 == "=>" && $3 ~ /^\// {print $3} $1 ~ /^\// {print $1}' | sort -u)
cp /bin/busybox "$root/bin/busybox"
for a in sh ls cat echo sleep wget id env ps kill; do ln -s busybox "$root/bin/$a"; done
echo 'root:x:0:0:root:/root:/bin/sh' >"$root/etc/passwd"
echo 'swarmwatch:x:10001:10001:swarmwatch:/var/lib/swarmwatch:/bin/sh' >>"$root/etc/passwd"
printf 'root:x:0:\nswarmwatch:x:10001:\n' >"$root/etc/group"
tar -C "$root" -c . | dk "$sock" import \
  --change 'ENV PATH=/opt/java/openjdk/bin:/bin' --change 'ENV JAVA_HOME=/opt/java/openjdk' \
  --change 'CMD ["java", "-version"]' - "$image" >/dev/null
rm -rf "$root"
log "TIMING $image: $(fmt_ms $(($(now_ms) - t0)))"
