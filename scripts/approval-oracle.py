#!/usr/bin/python3
"""Records what Terraform's approval prompt prints when it is answered "no" and when Ctrl-C
(SIGINT) comes while it waits, into cli/src/test/resources/terraform-approval/: standard output
from the prompt on, and standard error. ApplyThroughDaemonIT compares berth's (in a JVM of its
own and through the background berth) with them. Needs terraform on PATH; uses only the built-in
terraform_data resource, so nothing is downloaded. Run: python3 scripts/approval-oracle.py
"""
import os
import signal
import subprocess
import sys
import tempfile
import time

dest = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'cli', 'src', 'test', 'resources',
                    'terraform-approval')
work = tempfile.mkdtemp()
with open(os.path.join(work, 'main.tf'), 'w') as f:
    f.write('resource "terraform_data" "x" {\n  input = "a"\n}\n')
rc = os.path.join(work, 'empty.tfrc')
open(rc, 'w').close()
env = dict(os.environ, TF_CLI_CONFIG_FILE=rc)  # no "CLI configuration" warning in the captures
subprocess.run(['terraform', 'init', '-input=false'], cwd=work, env=env, check=True, capture_output=True)


def prompt_tail(out):
    return out[out.index('  Enter a value: '):]


# Terraform prints the prompt's newline and the interrupt's note from two goroutines, so either
# may come first; the capture keeps the order where the prompt's line ends first (berth's order).
for attempt in range(20):
    stdin_r, stdin_w = os.pipe()  # held open: the prompt waits for good
    p = subprocess.Popen(['terraform', 'apply', '-no-color'], cwd=work, env=env, stdin=stdin_r,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    os.set_blocking(p.stdout.fileno(), False)
    out, start = b'', time.time()
    while b'Enter a value' not in out and time.time() - start < 60:
        out += p.stdout.read() or b''
        time.sleep(0.05)
    time.sleep(0.3)
    p.send_signal(signal.SIGINT)
    os.set_blocking(p.stdout.fileno(), True)
    out += p.stdout.read()
    err = p.stderr.read().decode()
    code = p.wait()
    os.close(stdin_r)
    os.close(stdin_w)
    tail = prompt_tail(out.decode())
    if tail.startswith('  Enter a value: \n\n'):
        assert code == 1, code
        with open(os.path.join(dest, 'interrupted.stdout'), 'w') as f:
            f.write(tail)
        with open(os.path.join(dest, 'interrupted.stderr'), 'w') as f:
            f.write(err)
        break
else:
    sys.exit('Terraform never printed the prompt\'s newline before the interrupt\'s note')

no = subprocess.run(['terraform', 'apply', '-no-color'], cwd=work, env=env, input=b'no\n', capture_output=True)
assert no.returncode == 1 and no.stderr == b'', (no.returncode, no.stderr)
with open(os.path.join(dest, 'no.stdout'), 'w') as f:
    f.write(prompt_tail(no.stdout.decode()))
print('written to', os.path.normpath(dest))
