#!/usr/bin/env bash
# Regenerates the expected outputs of berth fmt from Terraform itself. The product never calls
# Terraform; FmtTerraformParityTest only reads what this script wrote.
#   engine/src/test/resources/fmt-corpus/input/*.hcl      -> fmt-corpus/terraform/NAME.hcl
#   engine/src/test/resources/hcl-corpus/valid/*.hcl      -> fmt-corpus/terraform/hcl-corpus/NAME.hcl
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
terraform version | sed -n 1p > "$corpus/terraform/VERSION"
echo "wrote $(find "$corpus/terraform" -name '*.hcl' | wc -l) expected outputs"
