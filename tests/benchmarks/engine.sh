#!/usr/bin/env bash
# The engine's hot paths with BenchmarkDotNet (tests/HipaaDev.Benchmarks, a short job), then the report into
# tests/benchmarks/README.md. The same benchmarks as
#   dotnet run -c Release --project tests/HipaaDev.Benchmarks -- --filter '*'
# but run from a `git archive` of the last commit (others edit the analyzer while this runs, and a figure must name
# the code it measured), with BenchmarkDotNet's artifacts under tests/benchmarks/work/engine.
#
#   bash tests/benchmarks/engine.sh
set -euo pipefail
source "$(dirname "$0")/lib.sh"

OUT="$WORK/engine"
mkdir -p "$WORK"
rm -rf "$OUT"
mkdir -p "$OUT/snapshot"
COMMIT="$(git -C "$REPO_ROOT" rev-parse --short HEAD)"
git -C "$REPO_ROOT" archive HEAD analyzers tests/HipaaDev.Benchmarks Directory.Build.props Directory.Packages.props global.json .editorconfig | tar -x -C "$OUT/snapshot"
machine_facts >"$OUT/machine.md"
printf -- '- analyzer and benchmarks: commit %s (`git archive`, so uncommitted edits are not measured)\n' "$COMMIT" >>"$OUT/machine.md"
build_benchmark_tool

log "BenchmarkDotNet over commit $COMMIT (this builds the benchmark project, then BenchmarkDotNet's own host project)"
(cd "$OUT" && dotnet run -c Release --project "$OUT/snapshot/tests/HipaaDev.Benchmarks" -- --filter '*' --artifacts "$OUT/artifacts" --exporters github)
# BenchmarkDotNet exits 0 even when a benchmark failed; a report with NA in it is not a result.
REPORT="$(ls "$OUT"/artifacts/results/*-report-github.md | head -1)"
if grep -q '| *NA *|' "$REPORT" || ! grep -q 'BindAndAnalyze' "$REPORT"; then
  echo "Some benchmarks did not run; see the BenchmarkDotNet output above. The README was left as it was." >&2
  exit 1
fi
"$BENCH_BIN" report engine --results "$REPORT" --machine "$OUT/machine.md" --readme "$BENCH_DIR/README.md"
