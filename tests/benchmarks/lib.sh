# Shared helpers for the benchmark scripts (sourced, not run).

# Everything generated or scratch goes under tests/benchmarks/work (git-ignored).
BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$BENCH_DIR/../.." && pwd)"
WORK="$BENCH_DIR/work"
BENCH_BIN="$REPO_ROOT/tests/HipaaDev.Benchmarks/bin/Release/net10.0/HipaaDev.Benchmarks"

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

build_benchmark_tool() {
  # A no-op build still costs minutes on a busy machine: skip it when nothing it compiles changed since.
  if [ -x "$BENCH_BIN" ] && [ -z "$(find "$REPO_ROOT/tests/HipaaDev.Benchmarks" "$REPO_ROOT/analyzers" \( -name '*.cs' -o -name '*.csproj' \) \
      -not -path '*/obj/*' -not -path '*/bin/*' -newer "$BENCH_BIN" -print -quit)" ]; then
    log "tests/HipaaDev.Benchmarks is up to date"
    return
  fi
  log "building tests/HipaaDev.Benchmarks (Release): the workload generators and the report writer"
  dotnet build "$REPO_ROOT/tests/HipaaDev.Benchmarks" -c Release -v:q -nologo >"$WORK/benchmark-tool-build.log" 2>&1 \
    || { cat "$WORK/benchmark-tool-build.log" >&2; echo "tests/HipaaDev.Benchmarks did not build; see above." >&2; exit 1; }
}

# Writes the facts about this machine that every table needs beside it.
machine_facts() {
  printf -- '- CPU: %s, %s logical cores (`nproc`)\n' "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')" "$(nproc)"
  printf -- '- RAM: %s GiB\n' "$(awk '/MemTotal/ {printf "%.0f", $2/1048576}' /proc/meminfo)"
  printf -- '- .NET SDK: %s; OS: %s\n' "$(dotnet --version)" "$(. /etc/os-release && echo "$PRETTY_NAME")"
  printf -- '- load average when the run started: %s (above %s means other work shared the cores)\n' "$(cut -d' ' -f1-3 /proc/loadavg)" "$(nproc)"
}
