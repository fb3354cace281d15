#!/usr/bin/env bash
# Install what the swarmwatch test bed needs (Debian 12): docker.io, busybox-static,
# iproute2, iptables, prometheus-alertmanager (the notifier tests run their own) and
# nagios4-core (the real client of the Nagios output; its core alone, no web server, recommends
# nothing). Skips apt entirely when everything is installed already.
# The system Docker service is never started (policy-rc.d); the bed runs its own dockerds.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
require_root

PKGS=(docker.io busybox-static iproute2 iptables prometheus-alertmanager nagios4-core)

installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }

missing=()
for p in "${PKGS[@]}"; do installed "$p" || missing+=("$p"); done

if ((${#missing[@]} == 0)); then
  log "all packages present: ${PKGS[*]}"
else
  t0=$(now_ms)
  log "installing: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  # No systemd here: keep maintainer scripts from starting the system dockerd via
  # invoke-rc.d /etc/init.d/docker. Only remove the policy file if we created it.
  policy=/usr/sbin/policy-rc.d
  if [[ ! -e $policy ]]; then
    printf '#!/bin/sh\n# swarmwatch test bed: do not start services during install\nexit 101\n' >"$policy"
    chmod 755 "$policy"
    trap 'rm -f "$policy"' EXIT
  fi
  apt_opts=(-y -q -o DPkg::Lock::Timeout=600 -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold)
  apt-get -q -o DPkg::Lock::Timeout=600 update
  # A failing service start in a postinst must not fail the bed: retry configuration
  # once, then judge by what is actually installed.
  apt-get install "${apt_opts[@]}" "${missing[@]}" || {
    log "apt-get install reported an error; finishing configuration"
    dpkg --configure -a || true
  }
  for p in "${PKGS[@]}"; do installed "$p" || die "package $p is not installed"; done
  log "TIMING install: $(fmt_ms $(($(now_ms) - t0)))"
fi

for b in dockerd containerd runc nsenter ip iptables setsid unshare nagios4; do
  command -v "$b" >/dev/null || die "$b not found after install"
done
[[ -x /bin/busybox ]] || die "/bin/busybox missing (busybox-static)"
/bin/busybox --list | grep -x httpd >/dev/null || die "/bin/busybox has no httpd applet"
log "install OK: $(dockerd --version)"
