using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace HipaaDev.Analyzers.Tests.Infrastructure;

/// <summary>Runs the analyzers over plain sources (markup removed) and returns every diagnostic they produce.</summary>
internal static partial class AnalyzerRunner
{
    public static readonly ImmutableArray<DiagnosticAnalyzer> All =
        ImmutableArray.Create<DiagnosticAnalyzer>(new PhiFlowAnalyzer(), new ChannelPolicyAnalyzer(), new Knowledge.PhiSymbolsFileAnalyzer());

    public static string WithoutMarkup(string source) => MarkupPattern().Replace(source, string.Empty);

    public static CSharpCompilation Compile(params string[] sources) =>
        CSharpCompilation.Create(
            "Sample",
            sources.Select((source, index) => CSharpSyntaxTree.ParseText(WithoutMarkup(source), path: $"Sample{index}.cs")),
            TestReferences.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    public static async Task<ImmutableArray<Diagnostic>> RunAsync(Compilation compilation, CancellationToken cancellationToken = default, bool concurrent = false)
    {
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
            onAnalyzerException: null,
            concurrentAnalysis: concurrent,
            logAnalyzerExecutionTime: false,
            reportSuppressedDiagnostics: false);
        return await compilation.WithAnalyzers(All, options).GetAnalyzerDiagnosticsAsync(cancellationToken);
    }

    [GeneratedRegex(@"\{\|#\d+:|\|\}|\[\||\|\]")]
    private static partial Regex MarkupPattern();
}
