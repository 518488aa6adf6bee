# Sourced by the bench scripts. daemon_cpu prints the CPU seconds (user + system) the background
# berths of this user have spent so far, "PID SECONDS" a line. A command served by one (README,
# "The background berth") runs in that JVM, not under the timed client, so /usr/bin/time alone
# would show the client's few milliseconds.
daemon_cpu() {
  local f pid tck
  tck=$(getconf CLK_TCK)
  for f in "${XDG_RUNTIME_DIR:-$HOME/.cache}"/berth/daemon-*/pid; do
    [ -f "$f" ] || continue
    pid=$(cat "$f" 2>/dev/null) || continue
    # Fields 14 and 15 (utime, stime) counted after the command name, which may hold spaces.
    sed 's/^.*) //' "/proc/$pid/stat" 2>/dev/null | awk -v p="$pid" -v t="$tck" '{ print p, ($12 + $13) / t }' || true
  done
}
