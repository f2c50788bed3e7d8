using HipaaDev.Analyzers.Rules;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.IO;
using System.Text.RegularExpressions;
using HipaaDev.Analyzers.Tests.Sinks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace HipaaDev.Analyzers.Tests.Infrastructure;

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
/// Runs every analyzer of the package directly over a compilation, the way the compiler does (concurrently), with
/// internal errors surfacing instead of being swallowed, and records every analyzer exception. For what
/// <see cref="AnalyzerTest"/> cannot express: broken code (AD0001 checks), cancellation, telemetry, thousands of
/// variants, files on disk. Expectations about diagnostics belong in <see cref="AnalyzerTest"/>.
/// </summary>
internal static partial class AnalyzerRunner
{
    /// <summary>Every analyzer the package ships.</summary>
    public static readonly ImmutableArray<DiagnosticAnalyzer> All = TestReferences.Analyzers;

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

    static AnalyzerRunner()
    {
        PhiFlowAnalyzer.ThrowOnInternalError = true;
    }

    /// <summary>The source with its test markup (<c>{|#0:</c>, <c>{|HIPAA001:</c>, <c>|}</c>, <c>[|</c>, <c>|]</c>) removed.</summary>
    public static string WithoutMarkup(string source) => MarkupPattern().Replace(source, string.Empty);

    /// <summary>Parses <paramref name="text"/> without its markup, at the newest language version.</summary>
    public static SyntaxTree Parse(string text, string path) =>
        CSharpSyntaxTree.ParseText(WithoutMarkup(text), CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Preview), path);

    /// <summary>The sources (markup removed, named <c>Sample{i}.cs</c>) compiled against <see cref="TestReferences.All"/>.</summary>
    public static CSharpCompilation Compile(params string[] sources) =>
        Compile(TestReferences.All, sources);

    public static CSharpCompilation Compile(IEnumerable<MetadataReference> references, params string[] sources) =>
        Compile(references, sources.Select((source, index) => Parse(source, $"Sample{index}.cs")));

    /// <summary>Files as they are on disk (no markup), under their own paths.</summary>
    public static CSharpCompilation CompileFiles(IEnumerable<MetadataReference> references, IEnumerable<string> paths) =>
        Compile(references, paths.Select(path => CSharpSyntaxTree.ParseText(File.ReadAllText(path), path: path)));

    private static CSharpCompilation Compile(IEnumerable<MetadataReference> references, IEnumerable<SyntaxTree> trees) =>
        CSharpCompilation.Create(
            "Sample",
            trees,
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    /// <summary>No configuration at all: no policy list, no option set.</summary>
    public static readonly AnalyzerConfigOptionsProvider NoOptions = new GlobalOptionsProvider(ImmutableDictionary<string, string>.Empty);

    /// <summary>
    /// The analyzer diagnostics of <paramref name="compilation"/>, without configuration, analysed one action at a
    /// time unless <paramref name="concurrent"/>; an analyzer exception fails the test.
    /// </summary>
    public static async Task<ImmutableArray<Diagnostic>> RunAsync(Compilation compilation, CancellationToken cancellationToken = default, bool concurrent = false)
    {
        var exceptions = new ConcurrentQueue<string>();
        var diagnostics = await WithAnalyzers(compilation, exceptions, options: NoOptions, concurrent: concurrent).GetAnalyzerDiagnosticsAsync(cancellationToken);
        AssertNoCrash(new AnalysisOutcome(diagnostics, exceptions.ToList()), "the compilation");
        return diagnostics;
    }

    public static CompilationWithAnalyzers WithAnalyzers(
        Compilation compilation,
        ConcurrentQueue<string> exceptions,
        bool logExecutionTime = false,
        AnalyzerConfigOptionsProvider? options = null,
        ImmutableArray<AdditionalText> additionalFiles = default,
        bool concurrent = true)
    {
        var analyzerOptions = new AnalyzerOptions(additionalFiles.IsDefault ? ImmutableArray<AdditionalText>.Empty : additionalFiles, options ?? PolicyOptions);
        var withAnalyzersOptions = new CompilationWithAnalyzersOptions(
            analyzerOptions,
            onAnalyzerException: (exception, analyzer, diagnostic) => exceptions.Enqueue($"{analyzer.GetType().Name} threw {exception}"),
            concurrentAnalysis: concurrent,
            logAnalyzerExecutionTime: logExecutionTime,
            reportSuppressedDiagnostics: false);
        return compilation.WithAnalyzers(All, withAnalyzersOptions);
    }

    /// <summary>Analyzer diagnostics only: the fast path the fuzzing loop uses.</summary>
    public static async Task<AnalysisOutcome> AnalyzeAsync(
        Compilation compilation,
        CancellationToken cancellationToken = default,
        AnalyzerConfigOptionsProvider? options = null,
        ImmutableArray<AdditionalText> additionalFiles = default)
    {
        var exceptions = new ConcurrentQueue<string>();
        var diagnostics = await WithAnalyzers(compilation, exceptions, options: options, additionalFiles: additionalFiles).GetAnalyzerDiagnosticsAsync(cancellationToken);
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

    [GeneratedRegex(@"\{\|(#\d+|[A-Za-z]+\d+):|\|\}|\[\||\|\]")]
    private static partial Regex MarkupPattern();

    /// <summary>Hands analyzer options to the analyzers the way the compiler does with a global config.</summary>
    internal sealed class GlobalOptionsProvider : AnalyzerConfigOptionsProvider
    {
        private readonly AnalyzerConfigOptions _options;

        public GlobalOptionsProvider(IReadOnlyDictionary<string, string> values)
        {
            _options = new DictionaryOptions(values);
        }

        public override AnalyzerConfigOptions GlobalOptions => _options;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => _options;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => _options;
    }

    private sealed class DictionaryOptions : AnalyzerConfigOptions
    {
        private readonly IReadOnlyDictionary<string, string> _values;

        public DictionaryOptions(IReadOnlyDictionary<string, string> values)
        {
            _values = values;
        }

        public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value) =>
            _values.TryGetValue(key, out value);
    }
}
