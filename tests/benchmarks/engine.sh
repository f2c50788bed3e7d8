#!/usr/bin/env bash
# The engine's hot paths with BenchmarkDotNet (tests/HipaaDev.Benchmarks, a short job), then the report into
# tests/benchmarks/README.md. Same as `dotnet run -c Release --project tests/HipaaDev.Benchmarks -- --filter '*'`,
# with the artifacts kept under tests/benchmarks/work/engine.
#
#   bash tests/benchmarks/engine.sh
set -euo pipefail
source "$(dirname "$0")/lib.sh"

OUT="$WORK/engine"
mkdir -p "$WORK"
rm -rf "$OUT"
mkdir -p "$OUT"
machine_facts >"$OUT/machine.md"
build_benchmark_tool
(cd "$OUT" && dotnet run -c Release --no-build --project "$REPO_ROOT/tests/HipaaDev.Benchmarks" -- --filter '*' --artifacts "$OUT/artifacts" --exporters github)
"$BENCH_BIN" report engine --results "$(ls "$OUT"/artifacts/results/*-report-github.md | head -1)" --machine "$OUT/machine.md" --readme "$BENCH_DIR/README.md"
