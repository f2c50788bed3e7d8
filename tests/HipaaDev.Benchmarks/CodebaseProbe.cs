using System.Diagnostics;
using System.Globalization;
using HipaaDev.Benchmarks.Generation;

namespace HipaaDev.Benchmarks;

/// <summary>
/// Times PhiFlowAnalyzer in process on a generated codebase (the same generator as analyzer-cost.sh) next to the
/// compiler's own binding of that code (GetDiagnostics on a fresh compilation), one thread, best of a few
/// repetitions. A quick ratio for finding where the analyzer's time goes, and a process to attach a profiler to;
/// the figures that count come from real builds (analyzer-cost.sh).
/// </summary>
internal static class CodebaseProbe
{
    public static void Run(int lines, int repetitions, bool besideOperationAnalyzer)
    {
        var files = CodebaseGenerator.Generate(lines, callSites: 1000);
        var compilation = AnalyzerWorkloads.Create(files, "Clinic.Probe");
        var bind = TimeSpan.MaxValue;
        var analyze = TimeSpan.MaxValue;
        var findings = 0;
        for (var repetition = 0; repetition < repetitions; repetition++)
        {
            var fresh = compilation.Clone();
            var stopwatch = Stopwatch.StartNew();
            fresh.GetDiagnostics();
            bind = Min(bind, stopwatch.Elapsed);

            analyze = Min(analyze, CallSiteProbe.TimedRun(fresh, out findings, besideOperationAnalyzer));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{files.Count} files, {files.Sum(f => f.LineCount):N0} lines, {findings} findings, best of {repetitions}{(besideOperationAnalyzer ? ", beside an operation analyzer" : "")}: binding {bind.TotalMilliseconds:F0} ms, PhiFlowAnalyzer {analyze.TotalMilliseconds:F0} ms ({100 * analyze / bind:F1} % of binding); load average {File.ReadAllText("/proc/loadavg").Trim()}"));
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
