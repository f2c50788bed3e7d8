using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using HipaaDev.Analyzers.Rules;
using HipaaDev.Benchmarks.Generation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace HipaaDev.Benchmarks;

/// <summary>
/// Times PhiFlowAnalyzer in process on one clinic module plus N call sites into one send helper, for several N,
/// without MSBuild or the compiler server: Roslyn's own per-analyzer execution time, one thread, best of a few
/// repetitions. Answers "is the fan-out file linear?" in a minute, where full builds take many.
/// </summary>
internal static class CallSiteProbe
{
    public static void Run(IReadOnlyList<int> callSiteCounts, int repetitions)
    {
        Console.WriteLine("| call sites | PhiFlowAnalyzer (ms, best of " + repetitions.ToString(CultureInfo.InvariantCulture) + ") | ms per call site | findings |");
        Console.WriteLine("| ---: | ---: | ---: | ---: |");
        foreach (var count in callSiteCounts)
        {
            var compilation = AnalyzerWorkloads.Create([.. CodebaseGenerator.Module(0), CodebaseGenerator.CallSiteFile(count)], "Clinic.FanOut" + count);
            var best = TimeSpan.MaxValue;
            var findings = 0;
            for (var repetition = 0; repetition < repetitions; repetition++)
            {
                var time = TimedRun(compilation.Clone(), out findings);
                best = time < best ? time : best;
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {count:N0} | {best.TotalMilliseconds:F0} | {best.TotalMilliseconds / count:F2} | {findings} |"));
        }
    }

    /// <summary>
    /// Runs PhiFlowAnalyzer once on one thread and returns Roslyn's own count of its callbacks' time, as
    /// -p:ReportAnalyzer=true reports it in a build.
    /// </summary>
    public static TimeSpan TimedRun(Compilation compilation, out int findings)
    {
        var analyzer = new PhiFlowAnalyzer();
        var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions([]), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: true);
        var withAnalyzer = compilation.WithAnalyzers([analyzer], options);
        findings = withAnalyzer.GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult().Length;
        return withAnalyzer.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None).GetAwaiter().GetResult().ExecutionTime;
    }
}
