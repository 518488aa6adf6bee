#!/bin/sh
# berth's ECS task metadata endpoint, run by busybox httpd as /cgi-bin/v4 and /cgi-bin/v3:
#   .../KEY       the container's metadata      .../KEY/task   the task's
# berth writes the documents into ../../metadata (httpd runs a script in its own directory,
# www/cgi-bin, under the namespace's directory); KEY is the container's random key.
data=../../metadata
answer() {
  printf 'Status: %s\r\nContent-Type: %s\r\n\r\n' "$1" "$2"
  [ -n "$3" ] && cat "$3"
  exit 0
}
missing() {
  printf 'Status: 404 Not Found\r\nContent-Type: text/plain\r\n\r\n404 page not found\n'
  exit 0
}
path="${PATH_INFO#/}"
key="${path%%/*}"
rest="${path#"$key"}"
case "$key" in
  "" | *[!A-Za-z0-9_-]*) missing ;;
esac
[ -f "$data/containers/$key.json" ] || missing
case "$rest" in
  "" | /) answer "200 OK" application/json "$data/containers/$key.json" ;;
  /task | /task/) answer "200 OK" application/json "$data/task.json" ;;
  *) missing ;;
esac
