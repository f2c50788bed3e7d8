using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using HipaaDev.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace HipaaDev.Benchmarks;

/// <summary>
/// The engine's hot paths over in-memory compilations. Every iteration starts from a fresh clone of the compilation,
/// so binding is paid each time: <see cref="BindOnly"/> is the compiler's own cost and the difference to
/// <see cref="BindAndAnalyze"/> is what the analyzer adds.
/// </summary>
[Config(typeof(ShortRunInProcess))]
[MemoryDiagnoser]
public class PhiFlowAnalyzerBenchmarks
{
    private CSharpCompilation _compilation = null!;
    private ImmutableArray<DiagnosticAnalyzer> _analyzers;
    private CompilationWithAnalyzersOptions _options = null!;

    [Params(AnalyzerWorkload.ModuleWithSends, AnalyzerWorkload.ThousandCallSites, AnalyzerWorkload.NoSinks)]
    public AnalyzerWorkload Workload { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _compilation = AnalyzerWorkloads.Create(Workload);
        _analyzers = [new PhiFlowAnalyzer()];

        // One thread, so the figure is the analysis work itself and not how well it spreads over the cores.
        _options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions([]),
            onAnalyzerException: (exception, analyzer, diagnostic) => throw new InvalidOperationException($"{analyzer} failed: {diagnostic}", exception),
            concurrentAnalysis: false,
            logAnalyzerExecutionTime: false);

        // A benchmark that silently measures nothing is worse than none: the sends must be found.
        var found = Analyze();
        var expectFindings = Workload != AnalyzerWorkload.NoSinks;
        if (expectFindings != found.Any(d => d.Id.StartsWith("HIPAA", StringComparison.Ordinal)))
        {
            throw new InvalidOperationException($"Workload {Workload}: expected {(expectFindings ? "HIPAA findings" : "no findings")}, got {found.Length} diagnostic(s).");
        }
    }

    [Benchmark(Baseline = true)]
    public int BindOnly() => _compilation.Clone().GetDiagnostics().Length;

    [Benchmark]
    public int BindAndAnalyze() => Analyze().Length;

    private ImmutableArray<Diagnostic> Analyze() =>
        _compilation.Clone().WithAnalyzers(_analyzers, _options).GetAllDiagnosticsAsync().GetAwaiter().GetResult();
}

/// <summary>
/// BenchmarkDotNet's short job (3 warm-ups, 3 iterations, one launch), run inside this process. The default
/// toolchain generates a host project and looks the benchmark project up by name under the repository, which fails
/// when tests/benchmarks/work holds snapshots of it, and costs minutes of build on a busy machine.
/// </summary>
public sealed class ShortRunInProcess : ManualConfig
{
    public ShortRunInProcess()
    {
        AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance));
    }
}
