#!/bin/sh
# Stands in for altbuild-worker (ALTBUILD_WORKER names it) and records each
# worker's peak RSS: GNU time runs the real worker ($PERF_REAL_WORKER) and
# appends "<max RSS in KiB> <subcommand>" to $PERF_WORKER_RSS_LOG when it ends.
exec /usr/bin/time -a -o "$PERF_WORKER_RSS_LOG" -f "%M $1" "$PERF_REAL_WORKER" "$@"
