#!/usr/bin/env bash
# Regenerates Terraform's answers for berth's syntax and fmt corpora. The product never calls
# Terraform; FmtTerraformParityTest and TerraformSyntaxParityTest only read what this wrote.
#   engine/src/test/resources/fmt-corpus/input/*.hcl      -> fmt-corpus/terraform/NAME.hcl
#   engine/src/test/resources/hcl-corpus/valid/*.hcl      -> fmt-corpus/terraform/hcl-corpus/NAME.hcl
#   engine/src/test/resources/hcl-corpus/invalid/*.hcl    -> fmt-corpus/terraform/hcl-corpus-invalid/NAME.txt
#     ("line N: Summary" of Terraform's first syntax error; terraform fmt parses with HashiCorp's
#     parser and refuses a file with syntax errors, so it is a pure syntax oracle)
# Needs terraform on PATH (1.11.4 wrote the committed files: `terraform version` is recorded).
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=engine/src/test/resources/fmt-corpus
export TF_CLI_CONFIG_FILE=/dev/null
mkdir -p "$corpus/terraform/hcl-corpus"
oracle() { # $1 input, $2 output: `terraform fmt -` reads stdin and writes the result to stdout
    if ! terraform fmt -no-color - < "$1" > "$2.tmp" 2> "$2.err"; then
        echo "terraform fmt refused $1:" >&2; cat "$2.err" >&2; rm -f "$2.tmp" "$2.err"; exit 1
    fi
    mv "$2.tmp" "$2"; rm -f "$2.err"
}
for f in "$corpus"/input/*.hcl; do oracle "$f" "$corpus/terraform/$(basename "$f")"; done
for f in engine/src/test/resources/hcl-corpus/valid/*.hcl; do oracle "$f" "$corpus/terraform/hcl-corpus/$(basename "$f")"; done
mkdir -p "$corpus/terraform/hcl-corpus-invalid"
for f in engine/src/test/resources/hcl-corpus/invalid/*.hcl; do
    out="$corpus/terraform/hcl-corpus-invalid/$(basename "$f" .hcl).txt"
    if terraform fmt -no-color - < "$f" > /dev/null 2> "$out.err"; then
        echo "terraform fmt accepted $f, which the corpus says is invalid" >&2; rm -f "$out.err"; exit 1
    fi
    summary=$(grep -m1 '^Error: ' "$out.err" | sed 's/^Error: //')
    line=$(grep -m1 -o 'on <stdin> line [0-9]*' "$out.err" | grep -o '[0-9]*$')
    printf 'line %s: %s\n' "$line" "$summary" > "$out"; rm -f "$out.err"
done
terraform version | sed -n 1p > "$corpus/terraform/VERSION"
echo "wrote $(find "$corpus/terraform" -name '*.hcl' | wc -l) expected outputs"
