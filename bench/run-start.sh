#!/usr/bin/env bash
# Issue-11 start-up benchmark: wall time of small commands as whole processes, median of N runs
# (default 10), each side's runs interleaved with the others' so every side sees the same load.
#   before  java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -jar BEFORE (the old bin/berth line) when
#           BEFORE is a jar; when it is a bin/berth (of a copy of an earlier build, its cli/target
#           beside it, mtimes kept with cp -a), that script as a user runs it
#   now     bin/berth as a user runs it: the background berth (README) serves the command; its CPU
#           seconds are the client's plus what the background JVM spent during the run
#   no-daemon  bin/berth with BERTH_DAEMON=off: a JVM of the command's own (AOT cache when the
#           build made one), which is also what the first run of a new directory costs
#   no-aot  bin/berth with BERTH_AOT=off BERTH_DAEMON=off (plain java, the same jar)
#   terraform  `terraform validate` / `terraform plan` of one terraform_data, the yardstick
# It also checks that now prints the same bytes as no-daemon (and before) for every command.
# Usage: bench/run-start.sh [BEFORE] [N]. Without BEFORE only now, no-aot and terraform run.
# Needs the built jar (mvn -q -DskipTests package); no Docker engine is used.
set -euo pipefail
before=${1:-}
n=${2:-10}
top="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work=$(mktemp -d)
# A control plane, secret and log store of their own, removed with the work directory.
export BERTH_ECS_STORE="$work/ecs.db" BERTH_SECRET_STORE="$work/secrets.db" BERTH_LOG_STORE="$work/logs"
# Background berths of the bench's own, stopped at the end.
export XDG_RUNTIME_DIR="$work/run"
mkdir -m 700 "$work/run"
daemon_pids() { cat "$work"/run/berth/daemon-*/pid 2> /dev/null || true; }
# Only a process that still is one of them (its command line names this run's directory).
stop_daemons() { for p in $(daemon_pids); do tr '\0' ' ' < "/proc/$p/cmdline" 2> /dev/null | grep -q -- "-Dberth.daemon=$work/" && kill "$p"; done; true; }
trap 'stop_daemons; rm -rf "$work"' EXIT
# CPU clock ticks the background berths have used so far.
daemon_ticks() { local t=0 p; for p in $(daemon_pids); do [ -r "/proc/$p/stat" ] && t=$((t + $(sed 's/.*) //' "/proc/$p/stat" | awk '{print $12 + $13}'))); done; echo "$t"; }
hz=$(getconf CLK_TCK)

mkdir -p "$work/one" "$work/tf"
cat > "$work/one/main.hcl" <<'HCL'
resource "ecs_task_definition" "app" {
  family                   = "start-bench"
  cpu                      = 256
  memory                   = 512
  requires_compatibilities = ["FARGATE"]
  container_definitions = jsonencode([{
    name         = "app"
    image        = "berth-example/busybox:latest"
    memory       = 128
    portMappings = [{ containerPort = 8080 }]
  }])
}
HCL
cat > "$work/tf/main.tf" <<'HCL'
resource "terraform_data" "app" {
  input = "start-bench"
}
HCL
"$top/bin/berth" -chdir="$work/one" apply -auto-approve -no-color > /dev/null
have_tf=false
if command -v terraform > /dev/null && (cd "$work/tf" && terraform init -input=false > /dev/null 2>&1 \
    && terraform apply -auto-approve -input=false > /dev/null 2>&1); then
  have_tf=true
fi

commands=("validate" "plan" "ecs list-clusters" "ecs list-task-definitions")
sides=(now no-daemon no-aot)
[ -n "$before" ] && sides=(before "${sides[@]}")
$have_tf && sides+=(terraform)

run() { # side command... ; prints the command's output to stdout
  local side=$1; shift
  case $side in
    before)
      case $before in
        *.jar) java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -jar "$before" -chdir="$work/one" "$@" ;;
        *) "$before" -chdir="$work/one" "$@" ;;
      esac ;;
    now) "$top/bin/berth" -chdir="$work/one" "$@" ;;
    no-daemon) BERTH_DAEMON=off "$top/bin/berth" -chdir="$work/one" "$@" ;;
    no-aot) BERTH_AOT=off BERTH_DAEMON=off "$top/bin/berth" -chdir="$work/one" "$@" ;;
    terraform)
      case $1 in
        validate|plan) terraform -chdir="$work/tf" "$@" ;;
        *) return 3 ;;
      esac ;;
  esac
}

# The script bash -c runs for one side's command, the same for every run of it.
wrapped() { echo "$(declare -f run); $(declare -p before work top); run $1 $(printf '%q ' "${@:2}")"; }

median() { sort -n | awk '{a[NR]=$1} END {m = NR % 2 ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2; printf "%.2f", m}'; }

echo "start-up, median of $n runs; $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg) at start"
echo "seconds of wall time (CPU seconds, user + system, in brackets)"
printf '%-28s' "command"; for s in "${sides[@]}"; do printf '%13s' "$s"; done; echo
for c in "${commands[@]}"; do
  read -ra args <<< "$c"
  [ "${args[0]}" = ecs ] || args+=(-no-color)
  # The first run in a directory and environment starts its background berth; the timed runs (in
  # the same bash -c, so the same environment) find it up.
  for _ in 1 2 3; do bash -c "$(wrapped now "${args[@]}")" > /dev/null 2>&1 || true; sleep 1; done
  # What the background berth prints against a JVM of the command's own (and before's, if given).
  bash -c "$(wrapped now "${args[@]}")" > "$work/out.now" 2>&1 || true
  for other in no-daemon ${before:+before}; do
    run "$other" "${args[@]}" > "$work/out.$other" 2>&1 || true
    cmp -s "$work/out.$other" "$work/out.now" || { echo "'$c' prints differently with $other and now:"; diff "$work/out.$other" "$work/out.now" | head -20; }
  done
  for s in "${sides[@]}"; do : > "$work/t.$s"; : > "$work/c.$s"; done
  for _ in $(seq 1 "$n"); do
    for s in "${sides[@]}"; do
      t0=$(daemon_ticks)
      rc=0; /usr/bin/time -f "%e %U %S" -o "$work/time" bash -c "$(wrapped "$s" "${args[@]}")" > /dev/null 2>&1 || rc=$?
      [ "$rc" = 3 ] && continue
      t1=$(daemon_ticks)
      read -r wall user sys < <(tail -1 "$work/time")
      echo "$wall" >> "$work/t.$s"
      echo "$user $sys $t0 $t1 $hz" | awk '{d = $4 - $3; if (d < 0) d = 0; printf "%.2f\n", $1 + $2 + d / $5}' >> "$work/c.$s"
    done
  done
  printf '%-28s' "$c"
  for s in "${sides[@]}"; do
    if [ -s "$work/t.$s" ]; then printf '%13s' "$(median < "$work/t.$s") ($(median < "$work/c.$s"))"; else printf '%13s' "-"; fi
  done
  echo
done
echo "load $(cut -d' ' -f1-3 /proc/loadavg) at end"
