using HipaaDev.Analyzers.Tests.Adoption;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace HipaaDev.Analyzers.Tests.CodeFixes;

/// <summary>A code-fix test over the flow analyzer with the shared offline references.</summary>
internal sealed class FixTest<TFix> : CSharpCodeFixTest<PhiFlowAnalyzer, TFix, DefaultVerifier>
    where TFix : CodeFixProvider, new()
{
    static FixTest()
    {
        PhiFlowAnalyzer.ThrowOnInternalError = true;
    }

    public FixTest(string source, string fixedSource)
    {
        ReferenceAssemblies = Infrastructure.TestReferences.Empty;
        TestState.AdditionalReferences.AddRange(AdoptionReferences.All);
        TestCode = source;
        FixedCode = fixedSource;
    }

    public FixTest<TFix> WithPolicy(string channels)
    {
        TestState.AnalyzerConfigFiles.Add(("/.editorconfig", $"root = true\n\n[*]\nhipaa_dev.approved_channels = {channels}\n"));
        return this;
    }
}
