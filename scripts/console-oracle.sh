#!/usr/bin/env bash
# Records terraform console's answer for each expression of the syntax console corpus, one
# "EXPRESSION<TAB>ANSWER" line each. The product never calls Terraform; ConsoleSyntaxParityTest
# only reads the answers.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=engine/src/test/resources/console-syntax
export TF_CLI_CONFIG_FILE=/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
: > "$dir/answers.tsv"
while IFS= read -r e; do
    answer=$(cd "$work" && printf '%s\n' "$e" | terraform console -no-color)
    printf '%s\t%s\n' "$e" "$answer" >> "$dir/answers.tsv"
done < "$dir/expressions.txt"
terraform version | sed -n 1p > "$dir/VERSION"
echo "wrote $(wc -l < "$dir/answers.tsv") answers"
