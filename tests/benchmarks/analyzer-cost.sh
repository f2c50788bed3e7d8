#!/usr/bin/env bash
# Analyzer cost: builds generated healthcare-style codebases with the real `dotnet build`, the HipaaDev.Analyzers
# package from a local folder feed, and -p:ReportAnalyzer=true; reads HipaaDev's and Security Code Scan's execution
# time and the Csc task time from each binlog's replay; writes the medians into tests/benchmarks/README.md.
#
#   bash tests/benchmarks/analyzer-cost.sh
#
# Knobs (environment): RUNS (builds per point, default 3), LARGE_RUNS (builds per point of LARGE_FROM lines or more;
# defaults 1 and 100000), SIZES (lines, default "10000 20000 50000 200000"), SCS_SIZES (sizes also built with Security Code Scan
# added, default "10000 20000"), BASELINE_SIZES (sizes also built with the HipaaDev package's attributes but not its
# analyzer: the compile time without HipaaDev; default "10000 20000"), INVENTORY_SIZES
# (sizes also built with the messaging inventory on, `-p:HipaaDevInventory=true -p:ErrorLog=...`, then inventoried
# with hipaa-inventory, and with the same error log but the inventory off; default "10000 20000"), NO_PACKAGE_SIZES (sizes also built without any HipaaDev package;
# default empty: the generated code uses [Phi], so it does not compile without the attributes), CALL_SITES (default
# "250 500 1000 2000"), CPU_SIZES (sizes also built CPU_RUNS more times under `perf record` to count CPU samples in the
# compiler and in HipaaDev; default "10000 20000" when perf works here, else empty), PRECOMPILED (false builds with
# the package's portable analyzer instead of its precompiled linux-x64 copy; default true, the package's own
# default), ANALYZER_REF (the commit to measure, default HEAD). An empty list skips that part. The compiler server
# follows the environment: UseSharedCompilation=true measures with it (one warm compiler process for every build,
# as in an IDE or a developer's repeated builds; stop it afterwards with `dotnet build-server shutdown`).
# Scratch output: tests/benchmarks/work/analyzer-cost, or OUT_DIR (git-ignored). The README is rewritten after every point,
# so a run stopped early still leaves the points it measured.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

RUNS="${RUNS:-3}"
LARGE_RUNS="${LARGE_RUNS:-1}"
LARGE_FROM="${LARGE_FROM:-100000}"
SIZES="${SIZES-10000 20000 50000 200000}"
SCS_SIZES="${SCS_SIZES-10000 20000}"
BASELINE_SIZES="${BASELINE_SIZES-10000 20000}"
INVENTORY_SIZES="${INVENTORY_SIZES-10000 20000}"
NO_PACKAGE_SIZES="${NO_PACKAGE_SIZES-}"
CALL_SITES="${CALL_SITES-250 500 1000 2000}"
OUT="${OUT_DIR:-$WORK/analyzer-cost}"
RESULTS="$OUT/results.tsv"
CPU_RESULTS="$OUT/cpu.tsv"
if perf record -q -o /dev/null -- true >/dev/null 2>&1; then CPU_DEFAULT="10000 20000"; else CPU_DEFAULT=""; fi
CPU_SIZES="${CPU_SIZES-$CPU_DEFAULT}"
CPU_RUNS="${CPU_RUNS:-$RUNS}"
PRECOMPILED="${PRECOMPILED:-true}"

mkdir -p "$WORK"
rm -rf "$OUT"
mkdir -p "$OUT/feed"
machine_facts >"$OUT/machine.md"
# The compiler server keeps an analyzer's JIT-compiled code between builds; without it every build compiles it again.
printf -- '- compiler server: %s\n' "$([ "${UseSharedCompilation:-}" = false ] && echo 'off (the environment sets `UseSharedCompilation=false`, so every build is a fresh compiler process)' || echo 'on (the `dotnet build` default)')" >>"$OUT/machine.md"
build_benchmark_tool

# The analyzer is packed from the last commit (git archive), never from the working tree: others edit it while
# these builds run, and a figure must name the code it measured.
COMMIT="$(git -C "$REPO_ROOT" rev-parse --short "${ANALYZER_REF:-HEAD}")"
mkdir -p "$OUT/snapshot"
git -C "$REPO_ROOT" archive "$COMMIT" analyzers Directory.Build.props Directory.Packages.props global.json .editorconfig | tar -x -C "$OUT/snapshot"
printf -- '- analyzer: packed from commit %s (`git archive`, so uncommitted edits are not measured)\n' "$COMMIT" >>"$OUT/machine.md"

# A fresh package version every run, and a package folder of our own, so no cached copy of an older analyzer is used.
VERSION="1.0.0-bench.$(date +%Y%m%d%H%M%S)"
log "packing HipaaDev.Analyzers $VERSION from commit $COMMIT into a local folder feed"
dotnet pack "$OUT/snapshot/analyzers/HipaaDev.Annotations" -c Release -o "$OUT/feed" -p:Version="$VERSION" -v:q -nologo >"$OUT/pack.log" 2>&1 \
  || { cat "$OUT/pack.log" >&2; exit 1; }

# The inventory tool from the same commit, run on the inventory variant's error log.
INVENTORY_TOOL="$OUT/inventory-tool/HipaaDev.Inventory.dll"
if [ -n "$INVENTORY_SIZES" ]; then
  log "building hipaa-inventory from commit $COMMIT"
  dotnet build "$OUT/snapshot/analyzers/HipaaDev.Inventory" -c Release -o "$OUT/inventory-tool" -v:q -nologo >"$OUT/inventory-tool.log" 2>&1 \
    || { cat "$OUT/inventory-tool.log" >&2; exit 1; }
fi

# The generated projects must not inherit the repository's build settings (central versions, warnings as errors).
echo '<Project />' >"$OUT/Directory.Build.props"
echo '<Project />' >"$OUT/Directory.Build.targets"
echo '<Project><PropertyGroup><ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally></PropertyGroup></Project>' >"$OUT/Directory.Packages.props"
printf 'root = true\n\n[*.cs]\nhipaa_dev.approved_channels = secure-email, patient-portal\n' >"$OUT/.editorconfig"

# write_project DIR VARIANT: a library that compiles ../src with the real SDKs and, by variant, the packed analyzer
# (hipaadev; inventory, which only differs in how it is built), the analyzer and Security Code Scan (with-scs), the
# package's attributes without its analyzer (attributes-only: the compile time without us), or no package (baseline).
write_project() {
  local dir="$1" variant="$2" hipaa_line scs_line="" without_analyzer=""
  mkdir -p "$dir"
  hipaa_line="    <PackageReference Include=\"HipaaDev.Analyzers\" Version=\"$VERSION\" />"
  if [ "$variant" = with-scs ]; then
    scs_line='    <PackageReference Include="SecurityCodeScan.VS2019" Version="5.6.7" PrivateAssets="all" />'
  fi
  # ExcludeAssets="analyzers" is not enough: the assets file drops the analyzers, but the SDK still passes them to
  # Csc (seen with SDK 10.0.401). Removing the package's Analyzer items before compiling is what works.
  if [ "$variant" = attributes-only ]; then
    without_analyzer='  <Target Name="WithoutHipaaDevAnalyzer" BeforeTargets="CoreCompile">
    <ItemGroup>
      <Analyzer Remove="@(Analyzer)" Condition="'"'"'%(Analyzer.NuGetPackageId)'"'"' == '"'"'HipaaDev.Analyzers'"'"'" />
    </ItemGroup>
  </Target>'
  fi
  if [ "$variant" = baseline ]; then
    hipaa_line=""
  fi
  cat >"$dir/Clinic.csproj" <<PROJECT
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <ImplicitUsings>enable</ImplicitUsings>
    <Nullable>enable</Nullable>
    <EnableDefaultCompileItems>false</EnableDefaultCompileItems>
    <RestorePackagesPath>$OUT/packages</RestorePackagesPath>
    <RestoreAdditionalProjectSources>$OUT/feed</RestoreAdditionalProjectSources>
  </PropertyGroup>
  <ItemGroup>
    <Compile Include="../src/**/*.cs" />
$hipaa_line
    <PackageReference Include="Twilio" Version="8.2.0" />
    <PackageReference Include="SendGrid" Version="9.29.3" />
    <PackageReference Include="MailKit" Version="4.18.2" />
$scs_line
  </ItemGroup>
$without_analyzer
</Project>
PROJECT
  dotnet restore "$dir" -v:q -nologo >"$dir/restore.log" 2>&1 || { cat "$dir/restore.log" >&2; exit 1; }
}

# measure SERIES LABEL VARIANT DIR RUN: one full compile, then the figures from the binlog's replay. The inventory
# variant also writes the SARIF error log and runs hipaa-inventory on it (its time and the send sites it listed).
measure() {
  local series="$1" label="$2" variant="$3" dir="$4" run="$5"
  local binlog="$dir/run$run.binlog" replay="$dir/run$run.log" sarif="$dir/run$run.sarif" inventory_args=()
  if [ "$variant" = inventory ]; then inventory_args=(-p:HipaaDevInventory=true "-p:ErrorLog=$sarif%2Cversion=2.1"); fi
  # The same error log with the inventory off: what writing SARIF costs by itself, so the option's cost is the difference.
  if [ "$variant" = errorlog ]; then inventory_args=("-p:ErrorLog=$sarif%2Cversion=2.1"); fi
  dotnet build "$dir" --no-restore --no-incremental -p:ReportAnalyzer=true -p:HipaaDevPrecompiledAnalyzer="$PRECOMPILED" "${inventory_args[@]}" -bl:"$binlog" -nologo -clp:NoSummary >"$dir/run$run.console.log" 2>&1 \
    || { tail -30 "$dir/run$run.console.log" >&2; echo "The generated codebase in $dir did not build." >&2; exit 1; }
  # The one-minute load average as the build ends, printed beside the point's figures: above the core count, other
  # work shared the machine during this build.
  local load
  load=$(cut -d' ' -f1 /proc/loadavg)
  dotnet msbuild "$binlog" -noconlog -flp:"v=diag;logfile=$replay;PerformanceSummary" -nologo >/dev/null
  local csc total hipaadev scs findings
  csc=$(grep -E '^ +[0-9]+ ms +Csc +[0-9]+ calls' "$replay" | awk '{print $1}' | head -1)
  total=$(grep -m1 'Total analyzer execution time:' "$replay" | sed -E 's/.*time: ([0-9.]+) seconds.*/\1/')
  hipaadev=$(grep -m1 'HipaaDev.Analyzers, Version=' "$replay" | awk '{print $1}' | sed 's/^<//' || true)
  scs=$(grep -m1 'SecurityCodeScan.VS2019, Version=' "$replay" | awk '{print $1}' | sed 's/^<//' || true)
  # `|| true`: a variant without the analyzer has no findings, and grep's "no match" would stop the script (pipefail).
  findings=$({ grep -oE '[^ ]+\.cs\([0-9]+,[0-9]+\): warning HIPAA00[0-9]' "$dir/run$run.console.log" || true; } | sort -u | wc -l)
  local analyzer_runs=yes
  case "$variant" in baseline | attributes-only) analyzer_runs=no ;; esac
  if [ -z "$csc" ] || [ -z "$total" ] || { [ -z "$hipaadev" ] && [ "$analyzer_runs" = yes ]; }; then
    echo "Could not read Csc time, total analyzer time or HipaaDev's line from $replay." >&2
    exit 1
  fi
  if [ "$analyzer_runs" = no ] && [ -n "$hipaadev" ]; then
    echo "HipaaDev's analyzer ran in the $variant variant ($replay); that variant must compile without it." >&2
    exit 1
  fi
  local send_sites="" tool_s=""
  if [ "$variant" = inventory ]; then
    local started ended
    started=$(date +%s%N)
    dotnet "$INVENTORY_TOOL" "$sarif" --root "$dir/../src" --markdown "$dir/inventory.md" --csv "$dir/inventory.csv" 2>"$dir/inventory.err" \
      || { cat "$dir/inventory.err" >&2; echo "hipaa-inventory failed on $sarif." >&2; exit 1; }
    ended=$(date +%s%N)
    tool_s=$(awk -v ns="$((ended - started))" 'BEGIN { printf "%.2f", ns / 1e9 }')
    send_sites=$(($(wc -l <"$dir/inventory.csv") - 1))
    if [ "$send_sites" -le 0 ]; then
      echo "hipaa-inventory listed no send site in $sarif; the generated codebase sends messages." >&2
      exit 1
    fi
  fi
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$series" "$label" "$(cat "$dir/../lines")" "$(cat "$dir/../files")" \
    "$variant" "$run" "$csc" "$total" "${hipaadev:-}" "${scs:-}" "$findings" "$send_sites" "$tool_s" "$load" >>"$RESULTS"
  log "  $series $label $variant run $run (load $load): Csc ${csc} ms, all analyzers ${total} s${hipaadev:+, HipaaDev ${hipaadev} s}${scs:+, SCS ${scs} s}, $findings HIPAA finding(s)${send_sites:+, $send_sites send sites inventoried in ${tool_s} s}"
  rm -f "$binlog"
}

# prepare SERIES LABEL LINES CALLSITES: generate the sources once; both variants compile the same files.
prepare() {
  local dir="$OUT/$1-$2"
  "$BENCH_BIN" generate-code --out "$dir/src" --lines "$3" --call-sites "$4" >"$dir.generate.log"
  grep -oE '^[0-9]+ files' "$dir.generate.log" | awk '{print $1}' >"$dir/files"
  grep -oE '[0-9]+ lines' "$dir.generate.log" | awk '{print $1}' >"$dir/lines"
  echo "$dir"
}

printf 'lines\trun\tcompiler_cpu_s\thipaadev_cpu_s\thipaadev_jit_s\tload1\n' >"$CPU_RESULTS"
printf 'series\tlabel\tlines\tfiles\tvariant\trun\tcsc_ms\tall_analyzers_s\thipaadev_s\tscs_s\thipaa_findings\tsend_sites\tinventory_tool_s\tload1\n' >"$RESULTS"

# The first build after a pack pays for the compiler server's start and JIT: run it once, unmeasured.
warm=$(prepare warmup 0 2000 100)
write_project "$warm/hipaadev" hipaadev
dotnet build "$warm/hipaadev" --no-restore -nologo -v:q >/dev/null 2>&1 || true
# Which copy of the analyzer the builds load: the package's targets choose the precompiled one on a linux-x64 SDK.
copy=$(dotnet msbuild "$warm/hipaadev" -nologo -nodeReuse:false -t:ResolveLockFileAnalyzers -getItem:Analyzer -p:HipaaDevPrecompiledAnalyzer="$PRECOMPILED" 2>/dev/null \
  | grep -o '"FullPath": "[^"]*HipaaDev.Analyzers.dll"' || true)
case "$copy" in
  */tools/analyzers/linux-x64/*) copy='precompiled (ReadyToRun, linux-x64: the package'"'"'s default on this machine)' ;;
  */analyzers/dotnet/cs/*) copy="portable (IL, JIT-compiled in every build without the compiler server; PRECOMPILED=$PRECOMPILED)" ;;
  *) echo "Could not tell which copy of the analyzer the builds load: $copy" >&2; exit 1 ;;
esac
printf -- '- analyzer copy: %s\n' "$copy" >>"$OUT/machine.md"

report() {
  "$BENCH_BIN" report analyzer-cost --results "$RESULTS" --cpu "$CPU_RESULTS" --machine "$OUT/machine.md" --readme "$BENCH_DIR/README.md" >"$OUT/report.md"
}

# profile_cpu DIR RUN: one more build of the HipaaDev variant under perf, not timed; CPU seconds of the compiler process,
# of HipaaDev (stacks with its frames) and of HipaaDev's JIT. The runtime must write a perf map for the profiler to name
# JIT-compiled frames, and it can only do that with W^X off.
profile_cpu() {
  local dir="$1" run="$2" data="$1/run$2.perf.data" marker="$1/run$2.perf.started" load
  # The runtime writes its maps to /tmp/perf-PID.map (where perf looks); only the ones this build wrote are removed.
  touch "$marker"
  DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0 perf record -q -F 999 -g -o "$data" -- \
    dotnet build "$dir" --no-restore --no-incremental -p:HipaaDevPrecompiledAnalyzer="$PRECOMPILED" -nologo -v:q >"$dir/cpu$run.console.log" 2>&1 \
    || { tail -30 "$dir/cpu$run.console.log" >&2; echo "The profiled build of $dir failed." >&2; exit 1; }
  load=$(cut -d' ' -f1 /proc/loadavg)
  local figures
  figures=$(perf script -i "$data" -F comm,pid,tid,time,ip,sym,dso 2>/dev/null | "$BENCH_BIN" cpu-samples --marker HipaaDev.Analyzers --frequency 999)
  printf '%s\t%s\t%s\t%s\n' "$(cat "$dir/../lines")" "$run" "$figures" "$load" >>"$CPU_RESULTS"
  log "  CPU run $run (load $load): compiler, HipaaDev, HipaaDev's JIT (s): $figures"
  find /tmp -maxdepth 1 \( -name 'perf-*.map' -o -name 'perfinfo-*.map' \) -newer "$marker" -delete
  rm -f "$data" "$marker"
}

# Call sites first: the quadratic question needs the fewest builds and matters most.
for sites in $CALL_SITES; do
  # One clinic module plus the fan-out file: the fan-out dominates what the analyzer does.
  dir=$(prepare callsites "$sites" 0 "$sites")
  log "one module plus $sites call sites into one send helper"
  write_project "$dir/hipaadev" hipaadev
  for run in $(seq 1 "$RUNS"); do
    measure callsites "$sites" hipaadev "$dir/hipaadev" "$run"
  done
  report
done

for size in $SIZES; do
  dir=$(prepare size "$size" "$size" 1000)
  log "codebase of ~$size lines ($(cat "$dir/files") files, $(cat "$dir/lines") lines)"
  variants=hipaadev
  if [[ " $SCS_SIZES " == *" $size "* ]]; then variants="$variants with-scs"; fi
  if [[ " $INVENTORY_SIZES " == *" $size "* ]]; then variants="$variants errorlog inventory"; fi
  if [[ " $BASELINE_SIZES " == *" $size "* ]]; then variants="$variants attributes-only"; fi
  if [[ " $NO_PACKAGE_SIZES " == *" $size "* ]]; then variants="$variants baseline"; fi
  for variant in $variants; do write_project "$dir/$variant" "$variant"; done
  runs="$RUNS"
  [ "$size" -ge "$LARGE_FROM" ] && runs="$LARGE_RUNS"
  # Runs alternate between the variants, so a burst of load from other work hits them alike.
  for run in $(seq 1 "$runs"); do
    for variant in $variants; do measure size "$size" "$variant" "$dir/$variant" "$run"; done
  done
  if [[ " $CPU_SIZES " == *" $size "* ]]; then
    for run in $(seq 1 "$CPU_RUNS"); do profile_cpu "$dir/hipaadev" "$run"; done
  fi
  report
done

cat "$OUT/report.md"
