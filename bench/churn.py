#!/usr/bin/env python3
"""Container churn on the local Docker engine, beside a load that runs without Docker.

Starts a container every GAP seconds until SIGTERM or SIGINT: the bench image on a user network
of its own, living LIFE seconds, removed by the engine when it exits (AutoRemove); one in ten
publishes a port on 127.0.0.1, as the load's tasks with a static port do. Each start is a create
and a start through the engine's API on its Unix socket, as berth makes them (no docker CLI
process per call). What it costs the machine is the engine's work a real-engine load makes when
it starts and stops tasks: containerd, runc, the network namespace, dockerd's re-executions of
itself. bench/run-load-inprocess.sh runs it with BERTH_CHURN=GAP to show what that work does to
a server that never asks the engine (bench/README.md, issue 12).

On exit it removes every container it labelled and its network. Prints how many it started.
Usage: bench/churn.py GAP LIFE
"""
import http.client
import json
import os
import signal
import socket
import sys
import time

SOCKET = "/var/run/docker.sock"
IMAGE = "berth-example/busybox:latest"
LABEL = "dev.berth.bench.churn"


class UnixConnection(http.client.HTTPConnection):
    def connect(self):
        self.sock = socket.socket(socket.AF_UNIX)
        self.sock.connect(SOCKET)


def call(method, path, body=None):
    conn = UnixConnection("localhost")
    try:
        conn.request(method, path, body=None if body is None else json.dumps(body),
                     headers={"Content-Type": "application/json"})
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()


def main():
    try:
        gap, life = float(sys.argv[1]), str(float(sys.argv[2]))
    except (IndexError, ValueError):
        sys.exit("usage: bench/churn.py GAP LIFE (seconds between starts, seconds each lives)")
    network = "berth-churn-%d" % os.getpid()
    stop = []
    signal.signal(signal.SIGTERM, lambda *_: stop.append(1))
    signal.signal(signal.SIGINT, lambda *_: stop.append(1))
    status, body = call("POST", "/networks/create", {"Name": network, "Labels": {LABEL: network}})
    if status != 201:
        sys.exit("churn: network %s not made: %s" % (network, body.decode(errors="replace")))
    started = 0
    try:
        while not stop:
            began = time.monotonic()
            ports = {"8080/tcp": [{"HostIp": "127.0.0.1", "HostPort": ""}]} if started % 10 == 0 else {}
            status, body = call("POST", "/containers/create", {
                "Image": IMAGE, "Cmd": ["sleep", life], "Labels": {LABEL: network},
                "ExposedPorts": {"8080/tcp": {}},
                "HostConfig": {"AutoRemove": True, "NetworkMode": network, "PortBindings": ports}})
            if status != 201:
                sys.exit("churn: container not created: %s" % body.decode(errors="replace"))
            status, body = call("POST", "/containers/%s/start" % json.loads(body)["Id"])
            if status != 204:
                sys.exit("churn: container not started: %s" % body.decode(errors="replace"))
            started += 1
            left = gap - (time.monotonic() - began)
            if left > 0 and not stop:
                time.sleep(left)
    finally:
        query = json.dumps({"label": ["%s=%s" % (LABEL, network)]}, separators=(",", ":"))
        status, body = call("GET", "/containers/json?all=1&filters=" + query)
        for c in json.loads(body) if status == 200 else []:
            call("DELETE", "/containers/%s?force=1" % c["Id"])
        # A container the engine is still removing holds the network a moment longer.
        for _ in range(40):
            if call("DELETE", "/networks/" + network)[0] in (204, 404):
                break
            time.sleep(0.25)
        print("churn: %d containers started, one every %s s, each living %s s" % (started, gap, life))


if __name__ == "__main__":
    main()
