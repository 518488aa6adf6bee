#!/usr/bin/env bash
# Refuses a tree that holds merge-conflict markers in any tracked file: a half-resolved merge
# once sat in .gitignore unnoticed because nothing reads that file strictly.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# A marker is one of the three lines git writes, at the start of a line, exactly as git writes it.
if git grep -nI -E '^(<<<<<<< |=======$|>>>>>>> )' -- . ':!scripts/check-tree.sh'; then
  echo "Merge-conflict markers in the files above: resolve them before committing." >&2
  exit 1
fi
