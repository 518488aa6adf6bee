#!/usr/bin/python3
"""Records what the AWS CLI v2's shorthand parser (awscli/shorthand.py of Debian's awscli 2.9.19)
makes of each input in cli/src/test/resources/ecs-cli/shorthand-inputs.json, into
shorthand-expected.json: the parsed value, or the error message. ShorthandTest compares berth's
parser with it. Run with Debian's python3: /usr/bin/python3 scripts/ecs-shorthand-oracle.py
"""
import json
import os
import sys

sys.path.insert(0, '/usr/lib/python3/dist-packages')
from awscli.shorthand import ShorthandParser, ShorthandParseError  # noqa: E402

root = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'cli', 'src', 'test', 'resources', 'ecs-cli')
with open(os.path.join(root, 'shorthand-inputs.json')) as f:
    inputs = json.load(f)
out = []
for text in inputs:
    try:
        out.append({'input': text, 'result': ShorthandParser().parse(text)})
    except ShorthandParseError as e:
        out.append({'input': text, 'error': str(e)})
with open(os.path.join(root, 'shorthand-expected.json'), 'w') as f:
    json.dump({'oracle': 'awscli.shorthand.ShorthandParser of awscli 2.9.19 (Debian)', 'cases': out}, f, indent=1,
              ensure_ascii=False)
    f.write('\n')
print('%d inputs' % len(out))
