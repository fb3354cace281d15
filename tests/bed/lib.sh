# shellcheck shell=bash
# Shared helpers for the swarmwatch test bed. Source it; do not run it.
#
# Every process the bed starts has its PID recorded in "$BED/pids/<name>.pid" as
# "PID STARTTIME" (STARTTIME = field 22 of /proc/PID/stat), so a recycled PID is never
# mistaken for ours. Processes are only ever stopped through these records.

BED=${SWARMWATCH_BED:-/tmp/swarmwatch-bed}
BED_SCRIPTS=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
BED_IMAGE=swarmwatch/busybox:bed
BED_PIDS=$BED/pids

# Use Debian's CLI (matches the 20.10 engine) unless told otherwise; another docker CLI
# may sit earlier on PATH.
if [[ -n ${SWARMWATCH_BED_DOCKER_CLI:-} ]]; then
  DOCKER_CLI=$SWARMWATCH_BED_DOCKER_CLI
elif [[ -x /usr/bin/docker ]]; then
  DOCKER_CLI=/usr/bin/docker
else
  DOCKER_CLI=docker
fi
export DOCKER_SERVICE_PREFER_OFFLINE_IMAGE=1
export DOCKER_CLI_HINTS=false

log() { printf '[bed %s] %s\n' "$(date +%T)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }
now_ms() { date +%s%3N; }
# fmt_ms MS -> "12.345s"
fmt_ms() { printf '%d.%03ds' $(($1 / 1000)) $(($1 % 1000)); }

# timed LABEL CMD...: run CMD, log its duration, keep its exit code.
timed() {
  local label=$1 t0 rc=0
  shift
  t0=$(now_ms)
  "$@" || rc=$?
  log "TIMING $label: $(fmt_ms $(($(now_ms) - t0)))$([[ $rc -eq 0 ]] || echo " (exit $rc)")"
  return "$rc"
}

# dk SOCKET ARGS...: docker CLI against one of our daemons (SOCKET is a path).
dk() {
  local sock=$1
  shift
  DOCKER_HOST=unix://$sock "$DOCKER_CLI" "$@"
}

# ---- PID records ------------------------------------------------------------------

proc_starttime() { # PID -> start time in clock ticks, or nothing
  local stat
  stat=$(cat "/proc/$1/stat" 2>/dev/null) || return 1
  stat=${stat##*) }            # drop "pid (comm) "
  # remaining fields start at field 3 (state); starttime is field 22 -> index 19
  local -a f
  read -r -a f <<<"$stat"
  [[ ${f[0]} != Z ]] || return 1   # zombie counts as gone
  echo "${f[19]}"
}

pid_record() { # NAME PID
  local name=$1 pid=$2 st
  mkdir -p "$BED_PIDS"
  st=$(proc_starttime "$pid") || die "process $pid ($name) died right after start"
  echo "$pid $st" >"$BED_PIDS/$name.pid"
}

pid_get() { # NAME -> PID if the recorded process is still alive
  local name=$1 pid st cur
  [[ -f $BED_PIDS/$name.pid ]] || return 1
  read -r pid st <"$BED_PIDS/$name.pid" || return 1
  [[ -n ${pid:-} ]] || return 1
  cur=$(proc_starttime "$pid") || return 1
  [[ $cur == "$st" ]] || return 1
  echo "$pid"
}

pid_alive() { pid_get "$1" >/dev/null; }

# descendants PID: all live descendants (children, grandchildren, ...) as "PID STARTTIME".
descendants() {
  local root=$1
  local -A kids=()
  local pid ppid
  while read -r pid ppid; do
    kids[$ppid]+=" $pid"
  done < <(ps -e -o pid=,ppid=)
  local -a queue=("$root")
  local p c st
  while ((${#queue[@]})); do
    p=${queue[0]}
    queue=("${queue[@]:1}")
    for c in ${kids[$p]:-}; do
      st=$(proc_starttime "$c") || continue
      echo "$c $st"
      queue+=("$c")
    done
  done
}

# pid_stop NAME [TIMEOUT_S]: SIGTERM the recorded process, SIGKILL after TIMEOUT_S (15),
# wait until it is gone. Descendants that outlive it (e.g. containerd shims after a
# SIGKILL) are killed by the PIDs captured before signalling. Never fails.
pid_stop() {
  local name=$1 timeout=${2:-15} pid
  if ! pid=$(pid_get "$name"); then
    rm -f "$BED_PIDS/$name.pid"
    return 0
  fi
  local kids
  kids=$(descendants "$pid")
  kill -TERM "$pid" 2>/dev/null || true
  local deadline=$(($(now_ms) + timeout * 1000))
  while pid_alive "$name" && (($(now_ms) < deadline)); do sleep 0.1; done
  if pid_alive "$name"; then
    log "$name (pid $pid) still alive after ${timeout}s, sending SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
    deadline=$(($(now_ms) + 10000))
    while pid_alive "$name" && (($(now_ms) < deadline)); do sleep 0.1; done
    pid_alive "$name" && log "$name (pid $pid) survives SIGKILL (stuck in the kernel?)"
  fi
  # leftovers from the process tree we started
  local k st cur left=()
  while read -r k st; do
    [[ -n ${k:-} ]] || continue
    cur=$(proc_starttime "$k") || continue
    [[ $cur == "$st" ]] || continue
    left+=("$k")
  done <<<"$kids"
  if ((${#left[@]})); then
    sleep 1
    for k in "${left[@]}"; do
      if proc_starttime "$k" >/dev/null; then
        log "killing leftover descendant $k of $name: $(tr '\0' ' ' 2>/dev/null </proc/"$k"/cmdline | cut -c1-120)"
        kill -KILL "$k" 2>/dev/null || true
      fi
    done
  fi
  rm -f "$BED_PIDS/$name.pid"
}

# ---- dockerd ----------------------------------------------------------------------

# reap_orphans NAME EXEC_ROOT: after our dockerd NAME is gone (e.g. it was SIGKILLed),
# kill what it left running, found only through PID records:
#  * runc's state.json under EXEC_ROOT (container init PID + start time),
#  * containerd's containerd.pid under EXEC_ROOT,
#  * containerd shims: their session ID is the dockerd PID we recorded (dockerd was
#    started with setsid), and their command line names EXEC_ROOT's containerd socket.
# Never fails.
reap_orphans() {
  local name=$1 exec=$2 st pid start cur ppid n=0 sid
  [[ -d $exec ]] || return 0
  if pid_alive "$name"; then
    log "reap_orphans: $name is still running, not reaping"
    return 0
  fi
  for st in "$exec"/runtime-runc/*/*/state.json; do
    [[ -f $st ]] || continue
    pid=$(grep -o '"init_process_pid":[0-9]*' "$st" | cut -d: -f2) || continue
    start=$(grep -o '"init_process_start":[0-9]*' "$st" | cut -d: -f2) || continue
    cur=$(proc_starttime "$pid") || continue
    [[ $cur == "$start" ]] || continue
    ppid=$(ps -o ppid= -p "$pid" | tr -d ' ') || ppid=
    kill -KILL "$pid" 2>/dev/null || true
    n=$((n + 1))
    if [[ -n $ppid ]] && tr '\0' ' ' 2>/dev/null <"/proc/$ppid/cmdline" | grep -qF -- "-address $exec/containerd/"; then
      kill -KILL "$ppid" 2>/dev/null || true
    fi
  done
  if [[ -f $exec/containerd/containerd.pid ]]; then
    pid=$(cat "$exec/containerd/containerd.pid" 2>/dev/null) || pid=
    if [[ -n $pid ]] && tr '\0' ' ' 2>/dev/null <"/proc/$pid/cmdline" | grep -qF -- "$exec/containerd/containerd.toml"; then
      kill -KILL "$pid" 2>/dev/null || true
      n=$((n + 1))
    fi
  fi
  sid=$(cat "$BED_PIDS/$name.sid" 2>/dev/null) || sid=
  if [[ -n $sid ]]; then
    while read -r pid st; do
      [[ $st == "$sid" && $pid != "$sid" ]] || continue
      if tr '\0' ' ' 2>/dev/null <"/proc/$pid/cmdline" | grep -qF -- "-address $exec/containerd/"; then
        kill -KILL "$pid" 2>/dev/null || true
        n=$((n + 1))
      fi
    done < <(ps -e -o pid=,sid=)
  fi
  rm -f "$BED_PIDS/$name.sid"
  ((n == 0)) || log "reaped $n orphaned process(es) of the daemon with exec-root $exec"
  return 0
}


# wait_docker NAME SOCKET LOGFILE [TIMEOUT_S]: wait until the daemon answers on SOCKET.
wait_docker() {
  local name=$1 sock=$2 logf=$3 timeout=${4:-30}
  local deadline=$(($(now_ms) + timeout * 1000))
  while :; do
    if [[ -S $sock ]] && dk "$sock" version --format '{{.Server.Version}}' >/dev/null 2>&1; then
      return 0
    fi
    if ! pid_alive "$name"; then
      log "$name exited during start-up; last lines of $logf:"
      tail -n 30 "$logf" >&2 || true
      die "$name did not start"
    fi
    if (($(now_ms) > deadline)); then
      log "$name did not answer on $sock within ${timeout}s; last lines of $logf:"
      tail -n 30 "$logf" >&2 || true
      die "$name start-up timed out"
    fi
    sleep 0.1
  done
}

# start_dockerd NAME DIR NETNS|"" BRIDGE HOSTNAME [EXTRA ARGS...]
# Starts dockerd with all state under DIR (data, exec, docker.sock, dockerd.log, key.json),
# inside network namespace NETNS if given (nsenter: `ip netns exec` remounts /sys and
# dockerd then fails with "Devices cgroup isn't mounted"), in its own UTS namespace with
# hostname HOSTNAME (the swarm node's hostname). No-op if already running.
start_dockerd() {
  local name=$1 dir=$2 netns=$3 bridge=$4 host=$5
  shift 5
  local wait_s=${DOCKERD_START_TIMEOUT:-30}
  if pid_alive "$name"; then
    wait_docker "$name" "$dir/docker.sock" "$dir/dockerd.log" "$wait_s"
    return 0
  fi
  mkdir -p "$dir"
  # stale leftovers of a daemon that was killed
  rm -f "$dir/docker.sock" "$dir/dockerd.pid"
  # Own config file (never /etc/docker/daemon.json). "deprecated-key-path" (config-file
  # only in 20.10) gives each daemon its own engine ID and keeps /etc/docker/key.json away.
  printf '{\n  "deprecated-key-path": "%s"\n}\n' "$dir/key.json" >"$dir/daemon.json"
  local -a cmd=(dockerd
    --config-file "$dir/daemon.json"
    --data-root "$dir/data" --exec-root "$dir/exec"
    --pidfile "$dir/dockerd.pid" -H "unix://$dir/docker.sock"
    --iptables=false --ip-masq=false --bridge="$bridge" "$@")
  cmd=(unshare --uts -- sh -c 'hostname "$0" && exec "$@"' "$host" "${cmd[@]}")
  if [[ -n $netns ]]; then
    cmd=(nsenter "--net=/var/run/netns/$netns" "${cmd[@]}")
  fi
  echo "==== $(date -Is) starting: ${cmd[*]}" >>"$dir/dockerd.log"
  # setsid, nsenter, unshare and sh all exec (no fork), so $! is dockerd itself.
  setsid "${cmd[@]}" >>"$dir/dockerd.log" 2>&1 </dev/null &
  pid_record "$name" "$!"
  echo "$!" >"$BED_PIDS/$name.sid"   # its session ID (setsid): see reap_orphans
  wait_docker "$name" "$dir/docker.sock" "$dir/dockerd.log" "$wait_s"
  local own
  own=$(cat "$dir/dockerd.pid" 2>/dev/null || true)
  [[ $own == "$(pid_get "$name")" ]] || log "warning: $name pidfile says '$own', recorded $(pid_get "$name")"
}

# ---- mounts ------------------------------------------------------------------------

# umount_under DIR: lazily unmount everything mounted at or below DIR, deepest first.
umount_under() {
  local dir=$1 m
  [[ -n $dir && $dir != / ]] || return 0
  local -a mnts=()
  # /proc/mounts escapes spaces as \040; our paths have none.
  while read -r _ m _; do
    [[ $m == "$dir" || $m == "$dir"/* ]] && mnts+=("$m")
  done </proc/mounts
  ((${#mnts[@]})) || return 0
  local i
  for ((i = ${#mnts[@]} - 1; i >= 0; i--)); do
    umount -l "${mnts[$i]}" 2>/dev/null || true
  done
}

mounts_under() { # DIR -> count
  local dir=$1 m n=0
  while read -r _ m _; do
    [[ $m == "$dir" || $m == "$dir"/* ]] && n=$((n + 1))
  done </proc/mounts
  echo "$n"
}

# wipe_dir DIR: unmount what is below DIR and remove it (never crossing into a mount).
wipe_dir() {
  local dir=$1
  [[ -n $dir && $dir == "$BED"/* ]] || die "refusing to wipe '$dir' (not under $BED)"
  [[ -e $dir ]] || return 0
  umount_under "$dir"
  rm -rf --one-file-system "$dir" 2>/dev/null || rm -rf --one-file-system "$dir" || true
}

require_root() { [[ $(id -u) -eq 0 ]] || die "must run as root"; }
