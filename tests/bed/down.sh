#!/usr/bin/env bash
# Stop the swarmwatch test bed and remove everything it made: the quorum swarm
# (quorum.sh down), the freezable dockerd (freeze.sh down), the sandbox dockerd (by recorded PID), mounts under $BED, the
# bridges swbed0/swbedgw0 and the daemons' state. Exits 0 even when nothing runs, so it
# can be used from a trap. Usage: down.sh [--keep-state]  (keep $BED/data etc.)
set -euo pipefail
# Every step below is guarded: this script must exit 0 whatever state it finds.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
require_root

keep=0
[[ ${1:-} == --keep-state ]] && keep=1
export SWARMWATCH_BED_KEEP_STATE=$keep
t0=$(now_ms)

for tech in redis patroni postgres; do
  timed "$tech down" "$BED_SCRIPTS/$tech.sh" down || log "$tech.sh down reported an error (continuing)"
done
if [[ -d $BED ]]; then
  timed "quorum down" "$BED_SCRIPTS/quorum.sh" down || log "quorum.sh down reported an error (continuing)"
  timed "freeze dockerd down" "$BED_SCRIPTS/freeze.sh" down || log "freeze.sh down reported an error (continuing)"
  timed "tls dockerd down" "$BED_SCRIPTS/tls.sh" down || log "tls.sh down reported an error (continuing)"
  timed "sandbox dockerd stop" pid_stop dockerd 30 || true
  reap_orphans dockerd "$BED/exec" || true
  umount_under "$BED" || true
  if ((keep == 0)); then
    for d in data exec rootfs; do wipe_dir "$BED/$d" || true; done
    rm -f "$BED/env" "$BED/docker.sock" "$BED/dockerd.pid" "$BED/key.json" "$BED/daemon.json" || true
  fi
else
  "$BED_SCRIPTS/quorum.sh" down >/dev/null 2>&1 || true
fi
for l in swbedgw0 swbed0; do
  if ip link show "$l" >/dev/null 2>&1; then ip link del "$l" 2>/dev/null || log "could not delete link $l"; fi
done

# report anything left behind
left=0
for f in "$BED_PIDS"/*.pid; do
  [[ -e $f ]] || continue
  n=$(basename "$f" .pid)
  if pid_alive "$n"; then log "still running: $n (pid $(pid_get "$n" || true))"; left=1; fi
done
m=$(mounts_under "$BED" || echo 0)
((m == 0)) || { log "still mounted under $BED: $m"; left=1; }
for n in swq1 swq2 swq3; do
  if [[ -e /var/run/netns/$n ]]; then log "netns $n still present"; left=1; fi
done
if ((left == 0)); then log "bed is down"; else log "bed is down, with leftovers (see above)"; fi
log "TIMING down.sh total: $(fmt_ms $(($(now_ms) - t0)))"
exit 0
