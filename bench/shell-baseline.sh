#!/usr/bin/env bash
# The shell-script way, for comparison: what a health_check_services.sh-style script must do to
# check the same things swarmwatch checks, calling the docker CLI per service (mode and replicas,
# running tasks by state, recent failed tasks). Usage: shell-baseline.sh unix:///path/docker.sock
set -uo pipefail
export DOCKER_HOST=$1
docker=${DOCKER_CLI:-/usr/bin/docker}
problems=0 total=0
for svc in $("$docker" service ls --format '{{.Name}}'); do
  total=$((total + 1))
  read -r mode replicas < <("$docker" service inspect "$svc" \
    --format '{{if .Spec.Mode.Global}}global 0{{else}}replicated {{.Spec.Mode.Replicated.Replicas}}{{end}}')
  running=$("$docker" service ps "$svc" --filter desired-state=running --format '{{.CurrentState}}' | grep -c '^Running')
  failed=$("$docker" service ps "$svc" --filter desired-state=shutdown --format '{{.CurrentState}}' | grep -c '^Failed')
  if [ "$mode" = replicated ] && [ "$running" -lt "$replicas" ]; then
    echo "WARNING $svc $running/$replicas running"; problems=$((problems + 1))
  fi
  if [ "$failed" -gt 0 ]; then
    echo "WARNING $svc $failed failed tasks"; problems=$((problems + 1))
  fi
done
echo "checked $total services, $problems problems"
[ "$problems" -eq 0 ]
