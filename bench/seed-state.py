#!/usr/bin/env python3
"""Grows a no-change benchmark world from 10 applied resources to N without N applies.

bench/run-scale.sh applies the first 10 task definitions of bench/generate-config.sh's
configuration with berth itself, then this copies resource 7's rows (configuration state:
`resources`; control plane: the task definition, its client token and its family's revision
counter) for every index up to N, changing only what the index changes. An apply of 100,000
resources would take most of an hour on this machine; the plan being measured reads the very
rows apply writes. Usage: seed-state.py N DIR (DIR holds berth.db and ecs.db).
"""
import sqlite3
import sys

n, work = int(sys.argv[1]), sys.argv[2]
state = sqlite3.connect(f'{work}/berth.db')
world = sqlite3.connect(f'{work}/ecs.db')
arn7 = 'arn:aws:ecs:local:000000000000:task-definition/bench-7:1'
resource = state.execute("select * from resources where addr = 'ecs_task_definition.svc_7'").fetchone()
taskdef = world.execute("select json from rows where tbl = 'task_definitions' and key = ?", (arn7,)).fetchone()[0]
token = world.execute("select json from rows where tbl = 'client_tokens' and key = ?", (arn7,)).fetchone()[0]


def of(text, i):
    """Resource 7's text for resource i: its family, and the INDEX variable of its container."""
    return (text.replace('bench-7:', f'bench-{i}:').replace('bench-7"', f'bench-{i}"')
            .replace('\\"value\\":\\"7\\"', f'\\"value\\":\\"{i}\\"'))


assert of(resource[3], 12345).count('12345') == 5, of(resource[3], 12345)
assert of(taskdef, 12345).count('12345') == 3, of(taskdef, 12345)
for i in range(10, n):
    state.execute("insert into resources values (?, ?, ?, ?, ?, ?, ?)",
                  (f'ecs_task_definition.svc_{i}', resource[1], resource[2], of(resource[3], i), *resource[4:]))
    arn = f'arn:aws:ecs:local:000000000000:task-definition/bench-{i}:1'
    world.execute("insert into rows values ('task_definitions', ?, ?)", (arn, of(taskdef, i)))
    world.execute("insert into rows values ('client_tokens', ?, ?)", (arn, token))
    world.execute("insert into counters values (?, 1)", (f'family:bench-{i}',))
state.commit()
world.commit()
