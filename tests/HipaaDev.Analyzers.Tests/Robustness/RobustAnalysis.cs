using System.Collections.Concurrent;
using System.Collections.Immutable;
using HipaaDev.Analyzers.Tests.Infrastructure;
using HipaaDev.Analyzers.Tests.Sinks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace HipaaDev.Analyzers.Tests.Robustness;

/// <summary>What one analysis run produced: its diagnostics and every exception an analyzer threw.</summary>
internal sealed record AnalysisOutcome(ImmutableArray<Diagnostic> Diagnostics, IReadOnlyList<string> AnalyzerExceptions)
{
    /// <summary>AD0001 is how the driver reports an analyzer crash when nobody handles the exception.</summary>
    public IReadOnlyList<Diagnostic> Crashes => Diagnostics.Where(d => d.Id == "AD0001").ToList();

    public bool Crashed => AnalyzerExceptions.Count > 0 || Crashes.Count > 0;

    public string DescribeCrash() =>
        string.Join("\n", AnalyzerExceptions.Concat(Crashes.Select(d => d.ToString())));
}

/// <summary>
/// Runs both HipaaDev analyzers the way the compiler does (concurrently), with internal errors surfacing instead
/// of being swallowed, and records every analyzer exception.
/// </summary>
internal static class RobustAnalysis
{
    /// <summary>A policy list, so the channel-policy analyzer does real work too.</summary>
    public static readonly AnalyzerConfigOptionsProvider PolicyOptions =
        new GlobalOptionsProvider(ImmutableDictionary<string, string>.Empty.Add("hipaa_dev.approved_channels", "secure-email, patient-portal"));

    /// <summary>A compilation with the references and no sources: adding trees to it reuses the bound references.</summary>
    public static readonly CSharpCompilation Empty = CSharpCompilation.Create(
        "Robustness",
        syntaxTrees: null,
        TestReferences.All,
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, allowUnsafe: true));

    /// <summary>The sink samples' patient type and the stand-in SDKs, which most sources need to bind.</summary>
    public static readonly ImmutableArray<(string Name, string Text)> Context = ImmutableArray.Create(
        ("Patient", SinkSamples.Patient),
        ("StandIns.Aws", StandIns.Aws),
        ("StandIns.Azure", StandIns.Azure),
        ("StandIns.Vonage", StandIns.Vonage),
        ("StandIns.FluentEmail", StandIns.FluentEmail));

    /// <summary>The <see cref="Context"/> sources parsed once, named <c>{Name}.cs</c>.</summary>
    public static readonly Lazy<ImmutableArray<SyntaxTree>> ContextTrees =
        new(() => Context.Select(source => Parse(source.Text, source.Name + ".cs")).ToImmutableArray());

    static RobustAnalysis()
    {
        PhiFlowAnalyzer.ThrowOnInternalError = true;
    }

    public static SyntaxTree Parse(string text, string path) =>
        CSharpSyntaxTree.ParseText(AnalyzerRunner.WithoutMarkup(text), CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Preview), path);

    public static CompilationWithAnalyzers WithAnalyzers(
        Compilation compilation,
        ConcurrentQueue<string> exceptions,
        bool logExecutionTime = false,
        AnalyzerConfigOptionsProvider? options = null)
    {
        var analyzerOptions = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, options ?? PolicyOptions);
        var withAnalyzersOptions = new CompilationWithAnalyzersOptions(
            analyzerOptions,
            onAnalyzerException: (exception, analyzer, diagnostic) => exceptions.Enqueue($"{analyzer.GetType().Name} threw {exception}"),
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: logExecutionTime,
            reportSuppressedDiagnostics: false);
        return compilation.WithAnalyzers(AnalyzerRunner.All, withAnalyzersOptions);
    }

    /// <summary>Analyzer diagnostics only: the fast path the fuzzing loop uses.</summary>
    public static async Task<AnalysisOutcome> AnalyzeAsync(Compilation compilation, CancellationToken cancellationToken = default)
    {
        var exceptions = new ConcurrentQueue<string>();
        var diagnostics = await WithAnalyzers(compilation, exceptions).GetAnalyzerDiagnosticsAsync(cancellationToken);
        return new AnalysisOutcome(diagnostics, exceptions.ToList());
    }

    /// <summary>
    /// The analyzer diagnostics of one tree: the analyzers run on that tree's symbols and operations only, so the
    /// context trees beside it are bound only as far as the analysis needs them. The fuzzing loop uses this.
    /// </summary>
    public static async Task<AnalysisOutcome> AnalyzeTreeAsync(Compilation compilation, SyntaxTree tree, CancellationToken cancellationToken = default)
    {
        var exceptions = new ConcurrentQueue<string>();
        var diagnostics = await WithAnalyzers(compilation, exceptions)
            .GetAnalyzerSemanticDiagnosticsAsync(compilation.GetSemanticModel(tree), filterSpan: null, cancellationToken);
        return new AnalysisOutcome(diagnostics, exceptions.ToList());
    }

    /// <summary>Compiler and analyzer diagnostics together, as a build reports them.</summary>
    public static async Task<AnalysisOutcome> AnalyzeAllAsync(Compilation compilation, CancellationToken cancellationToken = default)
    {
        var exceptions = new ConcurrentQueue<string>();
        var diagnostics = await WithAnalyzers(compilation, exceptions).GetAllDiagnosticsAsync(cancellationToken);
        return new AnalysisOutcome(diagnostics, exceptions.ToList());
    }

    /// <summary>Compiles <paramref name="sources"/> with the context trees and runs every check a build would.</summary>
    public static Task<AnalysisOutcome> AnalyzeSourcesAsync(params string[] sources) =>
        AnalyzeAllAsync(Empty.AddSyntaxTrees(ContextTrees.Value.Concat(sources.Select((text, index) => Parse(text, $"Case{index}.cs")))));

    public static void AssertNoCrash(AnalysisOutcome outcome, string what)
    {
        Assert.False(outcome.Crashed, $"The analyzers crashed on {what}:\n{outcome.DescribeCrash()}");
    }

    internal sealed class GlobalOptionsProvider : AnalyzerConfigOptionsProvider
    {
        private readonly AnalyzerConfigOptions _options;

        public GlobalOptionsProvider(ImmutableDictionary<string, string> values)
        {
            _options = new DictionaryOptions(values);
        }

        public override AnalyzerConfigOptions GlobalOptions => _options;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => _options;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => _options;
    }

    private sealed class DictionaryOptions : AnalyzerConfigOptions
    {
        private readonly ImmutableDictionary<string, string> _values;

        public DictionaryOptions(ImmutableDictionary<string, string> values)
        {
            _values = values;
        }

        public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value) =>
            _values.TryGetValue(key, out value);
    }
}
