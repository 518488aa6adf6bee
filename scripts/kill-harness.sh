#!/usr/bin/env bash
# Kills berth apply and destroy with SIGKILL at random moments and checks that nothing is
# stranded (see cli/src/test/java/dev/berth/cli/it/KillHarness.java).
#   scripts/kill-harness.sh TRIALS [SEED]
# Prints the seed; give it again to replay the same trials. Needs the Docker engine and the
# example image (scripts/ensure-docker.sh, examples/image/build.sh). KILL_PARALLEL (default 2)
# trials run at once. Extra Maven options can follow in MAVEN_ARGS (e.g. -o).
set -euo pipefail
top="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$top"
trials="${1:?usage: scripts/kill-harness.sh TRIALS [SEED]}"
seed="${2:-$RANDOM$RANDOM}"
# -am builds the modules cli depends on from this tree, never from ~/.m2.
exec mvn -B ${MAVEN_ARGS:-} -pl cli -am verify -Dtest=NONE -Dit.test=KillHarnessIT \
  -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false \
  -Dkill.trials="$trials" -Dkill.seed="$seed" -Dkill.parallel="${KILL_PARALLEL:-2}"
