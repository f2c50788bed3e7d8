using System.Diagnostics;
using System.Globalization;
using HipaaDev.Analyzers;
using HipaaDev.Benchmarks.Generation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace HipaaDev.Benchmarks;

/// <summary>
/// Times PhiFlowAnalyzer in process on a generated codebase (the same generator as analyzer-cost.sh) next to the
/// compiler's own binding of that code (GetDiagnostics on a fresh compilation), one thread, best of a few
/// repetitions. A quick ratio for finding where the analyzer's time goes, and a process to attach a profiler to;
/// the figures that count come from real builds (analyzer-cost.sh).
/// </summary>
internal static class CodebaseProbe
{
    public static void Run(int lines, int repetitions)
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

            // The analyzer runs on the already bound compilation, so its time is its own, as in a build's report.
            var analyzer = new PhiFlowAnalyzer();
            var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions([]), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: true);
            var withAnalyzer = fresh.WithAnalyzers([analyzer], options);
            findings = withAnalyzer.GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult().Length;
            analyze = Min(analyze, withAnalyzer.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None).GetAwaiter().GetResult().ExecutionTime);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{files.Count} files, {files.Sum(f => f.LineCount):N0} lines: binding {bind.TotalMilliseconds:F0} ms, PhiFlowAnalyzer {analyze.TotalMilliseconds:F0} ms ({100 * analyze / bind:F1} % of binding), {findings} findings; best of {repetitions}, load average {File.ReadAllText("/proc/loadavg").Trim()}"));
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
