#!/usr/bin/env bash
# Regenerates Terraform's machine-readable UI (`-json` streaming) and its "Still creating..."
# lines for berth's parity tests. The product never calls Terraform; JsonStreamParityTest only
# reads what this wrote, into cli/src/test/resources/terraform-json-ui/:
#   v1.tf -> 01 plan, 02 apply
#   v2.tf -> 03 plan (update, replace, delete), 04 apply, 05 apply without -auto-approve
#   v3.tf -> 06 plan -refresh-only, 07 apply -refresh-only (a moved block: resource_drift)
#   v4.tf -> 08 plan -destroy, 09 destroy
#   slow.tf -> 10 apply, 11 destroy (11 s each: apply_progress), 12 and 13 the same as text
#     ("Still creating..." / "Still destroying...")
#   failures.tf -> 14 apply with a failed precondition and a failed create (diagnostic, apply_errored)
#   ../terraform-data/read-now.tf -> 15 plan reading a data source (apply_start with action "read")
# Timestamps become 2006-01-02T15:04:05.000000Z and ids 00000000-...; message order within a
# run follows Terraform's parallel walk and may differ between runs. Takes about a minute.
set -euo pipefail
cd "$(dirname "$0")/.."
out=$PWD/cli/src/test/resources/terraform-json-ui
export TF_CLI_CONFIG_FILE=/dev/null TF_IN_AUTOMATION=1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
norm() {
    sed -E 's/"@timestamp":"[^"]*"/"@timestamp":"2006-01-02T15:04:05.000000Z"/;
            s/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/00000000-0000-0000-0000-000000000000/g'
}
tf() { # $1 fixture name, rest: terraform arguments; keeps stdout and the exit code
    local name=$1; shift
    local rc=0
    (cd "$work" && terraform "$@" -no-color) > "$work/out" 2>&1 || rc=$?
    norm < "$work/out" > "$out/$name"
    echo "$name: exit $rc" >> "$out/EXIT_CODES"
}
use() { cp "$out/$1" "$work/main.tf"; }
: > "$out/EXIT_CODES"
use v1.tf
(cd "$work" && terraform init -no-color > /dev/null)
tf 01-plan-create.jsonl plan -json
tf 02-apply-create.jsonl apply -json -auto-approve
use v2.tf
tf 03-plan-changes.jsonl plan -json -var desired_count=3
tf 04-apply-changes.jsonl apply -json -auto-approve -var desired_count=3
tf 05-apply-needs-approval.jsonl apply -json
use v3.tf
tf 06-plan-refresh-only.jsonl plan -refresh-only -json
tf 07-apply-refresh-only.jsonl apply -refresh-only -json -auto-approve
use v4.tf
tf 08-plan-destroy.jsonl plan -destroy -json
tf 09-destroy.jsonl destroy -json -auto-approve
rm -f "$work"/terraform.tfstate*
use slow.tf
tf 10-apply-slow.jsonl apply -json -auto-approve
tf 11-destroy-slow.jsonl destroy -json -auto-approve
tf 12-apply-slow.txt apply -auto-approve
tf 13-destroy-slow.txt destroy -auto-approve
rm -f "$work"/terraform.tfstate*
use failures.tf
tf 14-apply-failures.jsonl apply -json -auto-approve
rm -f "$work"/terraform.tfstate*
mkdir -p "$work/work" "$work/other"
cp "$out/../terraform-data/other.tfstate" "$work/other/terraform.tfstate"
cp "$out/../terraform-data/read-now.tf" "$work/work/main.tf"
(cd "$work/work" && terraform init -no-color > /dev/null && terraform plan -json -no-color) 2>&1 | norm \
    > "$out/15-plan-read-now.jsonl"
terraform version | sed -n 1p > "$out/VERSION"
echo "wrote $(ls "$out" | wc -l) files to $out"
