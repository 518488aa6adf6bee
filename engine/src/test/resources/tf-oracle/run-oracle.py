#!/usr/bin/env python3
"""Asks Terraform for the answer to every expression of corpus.txt and writes answers.json.

Run by hand when the corpus changes (needs `terraform` on PATH; 1.11.4 made the checked-in
answers). The tests never run Terraform: they read answers.json.

Each expression is evaluated by `terraform console` in workspace/ (so file functions see the
files there and path.module is "."), as base64encode(jsonencode(EXPR)) so the answer is exact
text with no console escaping, and once as written to keep Terraform's own rendering for people
reading the file. An expression Terraform rejects is recorded with its error summary, and one
whose result is sensitive (the console hides it) as "sensitive".
"""
import base64, concurrent.futures, json, os, queue, re, shutil, subprocess, sys, tempfile, time

HERE = os.path.dirname(os.path.abspath(__file__))
WORKSPACE = os.path.join(HERE, "workspace")
ANSI = re.compile(r"\x1b\[[0-9;]*m")


def corpus():
    family = None
    with open(os.path.join(HERE, "corpus.txt"), encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            m = re.fullmatch(r"\[(\w[\w/ -]*)\]", line.strip())
            if m:
                family = m.group(1)
                continue
            yield family, line


def console(expr, env, cwd):
    for attempt in range(5):
        p = subprocess.run(["terraform", "console", "-no-color"], input=expr + "\n", cwd=cwd,
                           capture_output=True, text=True, env=env, timeout=60)
        out, err = ANSI.sub("", p.stdout).strip(), ANSI.sub("", p.stderr).strip()
        # A console that could not take its directory's state lock said nothing about expr.
        if "state lock" not in err + out:
            break
        time.sleep(0.5)
    return p.returncode, out, err


def ask(item, env, dirs):
    # Each console takes the state lock of its directory, so parallel runs need their own copies.
    cwd = dirs.get()
    try:
        return ask_in(item, env, cwd)
    finally:
        dirs.put(cwd)


def ask_in(item, env, cwd):
    family, expr = item
    rc, out, err = console("base64encode(jsonencode(" + expr + "))", env, cwd)
    entry = {"family": family, "expr": expr}
    m = re.fullmatch(r'"([A-Za-z0-9+/=]*)"', out)
    if rc == 0 and out == "(sensitive value)":
        # The console hides sensitive results; what can be checked is that they are sensitive.
        entry["sensitive"] = True
    elif rc == 0 and m:
        entry["json"] = base64.b64decode(m.group(1)).decode("utf-8")
    else:
        text = err or out
        summary = re.search(r"Error: (.*)", text)
        entry["error"] = summary.group(1).strip() if summary else text.splitlines()[0]
        detail = [l.strip() for l in text.splitlines() if l.strip()]
        entry["error_detail"] = detail[-1] if detail else ""
    rc, out, err = console(expr, env, cwd)
    entry["console"] = out if rc == 0 else ""
    return entry


def main():
    version = subprocess.run(["terraform", "version"], capture_output=True, text=True).stdout.splitlines()[0]
    rc_file = tempfile.NamedTemporaryFile("w", suffix=".tfrc", delete=False)
    rc_file.close()
    env = dict(os.environ, TF_CLI_CONFIG_FILE=rc_file.name, CHECKPOINT_DISABLE="1", TZ="UTC")
    items = list(corpus())
    tmp = tempfile.mkdtemp(prefix="tf-oracle-")
    dirs = queue.Queue()
    for i in range(4):
        d = os.path.join(tmp, str(i))
        shutil.copytree(WORKSPACE, d)
        dirs.put(d)
    with concurrent.futures.ThreadPoolExecutor(max_workers=4) as pool:
        answers = list(pool.map(lambda it: ask(it, env, dirs), items))
    shutil.rmtree(tmp)
    os.unlink(rc_file.name)
    with open(os.path.join(HERE, "answers.json"), "w", encoding="utf-8") as f:
        json.dump({"terraform": version, "answers": answers}, f, indent=1, ensure_ascii=False)
        f.write("\n")
    errors = sum(1 for a in answers if "error" in a)
    print(f"{len(answers)} expressions, {errors} rejected by Terraform ({version})", file=sys.stderr)


if __name__ == "__main__":
    main()
