#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Runs a libFuzzer target for a while over its seed corpus. New inputs go to
# a scratch folder, so the source tree is never written to; a crash fails
# the test and is kept beside the build for a look.
#   run-fuzzer.sh FUZZER SEED-DIR SECONDS
set -eu

fuzzer=$1
seeds=$2
seconds=$3
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

mkdir "$scratch/corpus"
exec "$fuzzer" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
  -artifact_prefix="$(pwd)/$(basename "$fuzzer")-" "$scratch/corpus" "$seeds"
