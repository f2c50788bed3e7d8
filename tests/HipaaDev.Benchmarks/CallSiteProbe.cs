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
    /// <param name="besideOperationAnalyzer">
    /// Also run an analyzer with an operation action, as a real build does (the .NET SDK's analyzers): Roslyn then
    /// binds every method body and builds its operation tree outside any analyzer's time, and PhiFlowAnalyzer's figure
    /// is its own work, as in a build. Without it, PhiFlowAnalyzer is charged for binding the blocks it reads.
    /// </param>
    public static TimeSpan TimedRun(Compilation compilation, out int findings, bool besideOperationAnalyzer = false)
    {
        var analyzer = new PhiFlowAnalyzer();
        var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions([]), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: true);
        DiagnosticAnalyzer[] analyzers = besideOperationAnalyzer ? [analyzer, new OperationCounter()] : [analyzer];
        var withAnalyzer = compilation.WithAnalyzers([.. analyzers], options);
        findings = withAnalyzer.GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult().Count(d => d.Id.StartsWith("HIPAA", StringComparison.Ordinal));
        return withAnalyzer.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None).GetAwaiter().GetResult().ExecutionTime;
    }

    // A stand-in that never ships or loads into a compiler: the rules for shipped analyzers (target framework,
    // extended rules, release tracking) do not apply to it.
#pragma warning disable RS1041, RS1036, RS2008

    /// <summary>Stands in for the SDK's operation analyzers: asks for every invocation's operation, reports nothing.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    private sealed class OperationCounter : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor s_never = new("PROBE001", "never reported", "never reported", "Probe", DiagnosticSeverity.Hidden, isEnabledByDefault: true);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [s_never];

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterOperationAction(_ => { }, OperationKind.Invocation);
        }
    }
#pragma warning restore RS1041, RS1036, RS2008
}
