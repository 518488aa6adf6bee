#!/usr/bin/env bash
# Records which --log-opt names the local Docker engine accepts for each log driver berth maps
# (docker create validates option names; values are only checked at start). The output is the
# fixture LogDriversTest holds berth's table to: provider-ecs/src/test/resources/docker-log-options.txt
# Usage: scripts/docker-log-options.sh > provider-ecs/src/test/resources/docker-log-options.txt
set -euo pipefail
IMAGE=${IMAGE:-berth-example/busybox:latest}
CANDIDATES="max-size max-file compress labels labels-regex env env-regex tag mode max-buffer-size
syslog-address syslog-facility syslog-tls-ca-cert syslog-tls-cert syslog-tls-key syslog-tls-skip-verify syslog-format
gelf-address gelf-compression-type gelf-compression-level gelf-tcp-max-reconnect gelf-tcp-reconnect-delay
fluentd-address fluentd-async fluentd-async-connect fluentd-buffer-limit fluentd-retry-wait fluentd-max-retries
fluentd-sub-second-precision fluentd-request-ack
awslogs-group awslogs-region awslogs-create-group awslogs-stream awslogs-datetime-format awslogs-multiline-pattern
awslogs-endpoint awslogs-credentials-endpoint awslogs-force-flush-interval-seconds awslogs-max-buffered-events
splunk-token splunk-url splunk-source splunk-sourcetype splunk-index splunk-capath splunk-caname
splunk-insecureskipverify splunk-format splunk-verify-connection splunk-gzip splunk-gzip-level"
value() {
  case $1 in
    mode) echo non-blocking ;; max-buffer-size) echo 1m ;; syslog-address) echo udp://127.0.0.1:514 ;;
    syslog-format) echo rfc5424 ;; syslog-facility) echo daemon ;; gelf-address) echo tcp://127.0.0.1:12201 ;;
    gelf-compression-type) echo gzip ;; fluentd-address) echo 127.0.0.1:24224 ;; fluentd-retry-wait) echo 1s ;;
    *-skip-verify|*-async|*-async-connect|*-precision|*-ack|compress|awslogs-create-group|splunk-gzip|splunk-insecureskipverify|splunk-verify-connection) echo true ;;
    max-file|*-level|*-reconnect|*-reconnect-delay|fluentd-buffer-limit|fluentd-max-retries|*-seconds|*-events) echo 1 ;;
    splunk-url|awslogs-endpoint) echo http://127.0.0.1:1 ;;
    *) echo x ;;
  esac
}
echo "# docker $(docker version --format '{{.Server.Version}}'): driver option accepted-at-create"
for driver in json-file local syslog journald gelf fluentd none awslogs splunk; do
  base=()
  case $driver in
    gelf) base=(--log-opt gelf-address=tcp://127.0.0.1:12201) ;;
    awslogs) base=(--log-opt awslogs-group=g) ;;
  esac
  for opt in $CANDIDATES; do
    extra=()
    [ "$opt" = max-buffer-size ] && extra=(--log-opt mode=non-blocking)
    # gelf's compression options hold only over UDP, its reconnect options only over TCP.
    [ $driver = gelf ] && [[ $opt == gelf-compression-* ]] && base=(--log-opt gelf-address=udp://127.0.0.1:12201)
    [ $driver = gelf ] && [[ $opt != gelf-compression-* ]] && base=(--log-opt gelf-address=tcp://127.0.0.1:12201)
    out=$(docker create --log-driver "$driver" "${base[@]}" "${extra[@]}" --log-opt "$opt=$(value "$opt")" "$IMAGE" true 2>&1 | head -1) || true
    if [[ $out =~ ^[0-9a-f]{64}$ ]]; then docker rm "$out" >/dev/null; echo "$driver $opt yes"; else echo "$driver $opt no"; fi
  done
done
