using HipaaDev.Analyzers.Rules;
using System.Collections.Immutable;
using HipaaDev.Analyzers.Knowledge;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace HipaaDev.Analyzers.Tests.Infrastructure;

/// <summary>
/// The one analyzer test: markup sources (<c>{|#n:...|}</c>) compiled offline against <see cref="TestReferences.WithFhir"/>,
/// analysed by every analyzer of the package (or by one, <see cref="For{TAnalyzer}"/>), with optional configuration and
/// PhiSymbols.txt, and compared with <see cref="Expect"/> results, including the PHI source each flow diagnostic names.
/// </summary>
internal sealed class AnalyzerTest : CSharpAnalyzerTest<PhiFlowAnalyzer, DefaultVerifier>
{
    private readonly ImmutableArray<DiagnosticAnalyzer> _analyzers;

    static AnalyzerTest()
    {
        PhiFlowAnalyzer.ThrowOnInternalError = true;
    }

    /// <summary>Every analyzer the package ships, over <paramref name="sources"/> (named <c>/0/Test{i}.cs</c>).</summary>
    public AnalyzerTest(params string[] sources)
        : this(TestReferences.Analyzers, sources)
    {
    }

    private AnalyzerTest(ImmutableArray<DiagnosticAnalyzer> analyzers, string[] sources)
    {
        _analyzers = analyzers;
        Configure(this);
        for (var i = 0; i < sources.Length; i++)
        {
            TestState.Sources.Add(($"/0/Test{i}.cs", sources[i]));
        }
    }

    /// <summary>Only <typeparamref name="TAnalyzer"/>, over <paramref name="sources"/>.</summary>
    public static AnalyzerTest For<TAnalyzer>(params string[] sources)
        where TAnalyzer : DiagnosticAnalyzer, new() =>
        new(ImmutableArray.Create<DiagnosticAnalyzer>(new TAnalyzer()), sources);

    /// <summary>
    /// What every test of this project built on Microsoft.CodeAnalysis.Testing shares (code-fix tests too): the offline
    /// references, internal analyzer errors that fail the test, and the check of the PHI source named in the message.
    /// </summary>
    public static void Configure<TVerifier>(AnalyzerTest<TVerifier> test)
        where TVerifier : IVerifier, new()
    {
        PhiFlowAnalyzer.ThrowOnInternalError = true;
        test.ReferenceAssemblies = TestReferences.Empty;
        test.TestState.AdditionalReferences.AddRange(TestReferences.WithFhir);
        test.DiagnosticVerifier = Expect.VerifyNamedSource;
    }

    /// <summary>Adds <c>[*]</c> keys to an <c>.editorconfig</c> at the root.</summary>
    public AnalyzerTest WithEditorConfig(string keys)
    {
        TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*]\n" + keys));
        return this;
    }

    public AnalyzerTest WithGlobalConfig(string keys)
    {
        TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\n" + keys));
        return this;
    }

    public AnalyzerTest WithPhiSymbols(string content)
    {
        TestState.AdditionalFiles.Add(("/0/" + PhiSymbolsFile.FileName, content));
        return this;
    }

    public AnalyzerTest Expecting(params DiagnosticResult[] expected)
    {
        ExpectedDiagnostics.AddRange(expected);
        return this;
    }

    protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() => _analyzers;
}
