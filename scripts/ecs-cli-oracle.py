#!/usr/bin/python3
"""Records what the AWS CLI v2 does for each case in cli/src/test/resources/ecs-cli/cases.json,
so `berth ecs` can be held to it byte for byte (EcsCliParityTest).

For each case it starts a fake ECS endpoint on 127.0.0.1 that answers the case's responses in
order (or its error, as the JSON protocol's __type and message), runs Debian's aws (2.9.19, the
one CI installs: `apt-get install awscli`) with the case's args plus --endpoint-url and
--output json / text / table, and writes expected/NAME.json: the request bodies the AWS CLI
sent, and per output its exit code, standard output and standard error. TZ=UTC, no config
files, no pager; the working directory is files/ so file:// paths resolve there.

Run: python3 scripts/ecs-cli-oracle.py   (needs /usr/bin/aws; talks to nothing but itself)
"""
import json
import os
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

AWS = '/usr/bin/aws'
here = os.path.dirname(os.path.abspath(__file__))
root = os.path.join(here, '..', 'cli', 'src', 'test', 'resources', 'ecs-cli')


class Fake:
    def __init__(self):
        self.requests = []
        self.responses = []
        self.error = None


fake = Fake()


class Handler(BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get('Content-Length', 0))).decode()
        target = self.headers.get('X-Amz-Target', '')
        fake.requests.append({'action': target.split('.')[-1], 'body': json.loads(body or '{}')})
        if fake.error is not None:
            status, payload = 400, fake.error
        elif fake.responses:
            status, payload = 200, fake.responses.pop(0)
        else:
            status, payload = 500, {'__type': 'ServerException', 'message': 'the case has no more responses'}
        data = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header('Content-Type', 'application/x-amz-json-1.1')
        self.send_header('Content-Length', str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


def main():
    server = ThreadingHTTPServer(('127.0.0.1', 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    endpoint = 'http://127.0.0.1:%d' % server.server_address[1]
    env = {
        'PATH': '/usr/bin:/bin', 'HOME': '/nonexistent', 'TZ': 'UTC', 'LANG': 'C.UTF-8',
        'AWS_ACCESS_KEY_ID': 'x', 'AWS_SECRET_ACCESS_KEY': 'y', 'AWS_DEFAULT_REGION': 'us-east-1',
        'AWS_PAGER': '', 'AWS_CONFIG_FILE': '/dev/null', 'AWS_SHARED_CREDENTIALS_FILE': '/dev/null',
    }
    version = subprocess.run([AWS, '--version'], capture_output=True, text=True, env=env).stdout.strip()
    with open(os.path.join(root, 'cases.json')) as f:
        cases = json.load(f)['cases']
    only = set(sys.argv[1:])
    os.makedirs(os.path.join(root, 'expected'), exist_ok=True)
    for case in cases:
        if only and case['name'] not in only:
            continue
        record = {'oracle': version, 'args': case['args'], 'requests': None, 'outputs': {}}
        for output in ('json', 'text', 'table'):
            fake.requests = []
            fake.responses = [json.loads(json.dumps(r)) for r in case.get('responses', [])]
            fake.error = case.get('error')
            args = [a.replace('{endpoint}', endpoint) for a in case['args']]
            run = subprocess.run([AWS, 'ecs'] + args + ['--endpoint-url', endpoint, '--output', output],
                                 capture_output=True, text=True, env=env, cwd=os.path.join(root, 'files'))
            record['outputs'][output] = {'exit': run.returncode, 'stdout': run.stdout, 'stderr': run.stderr}
            if record['requests'] is None:
                record['requests'] = fake.requests
        with open(os.path.join(root, 'expected', case['name'] + '.json'), 'w') as f:
            json.dump(record, f, indent=1, ensure_ascii=False)
            f.write('\n')
        print('%-45s exit %s' % (case['name'], record['outputs']['json']['exit']))
    server.shutdown()


if __name__ == '__main__':
    main()
