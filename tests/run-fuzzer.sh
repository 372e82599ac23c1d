#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Runs a libFuzzer target over its seed corpus, then for a fixed number of
# new inputs, so that every run of the suite does the same amount of work.
# New inputs go to a scratch folder, so the source tree is never written
# to; a crash fails the test and is kept beside the build for a look.
#   run-fuzzer.sh FUZZER SEED-DIR RUNS
set -eu

fuzzer=$1
seeds=$2
runs=$3
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

mkdir "$scratch/corpus"
"$fuzzer" -runs="$runs" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
  -artifact_prefix="$(pwd)/$(basename "$fuzzer")-" "$scratch/corpus" "$seeds"
