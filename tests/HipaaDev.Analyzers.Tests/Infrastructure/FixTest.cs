using HipaaDev.Analyzers.Rules;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace HipaaDev.Analyzers.Tests.Infrastructure;

/// <summary>A code-fix test over the flow analyzer, configured like <see cref="AnalyzerTest"/> (references, source checks).</summary>
internal sealed class FixTest<TFix> : CSharpCodeFixTest<PhiFlowAnalyzer, TFix, DefaultVerifier>
    where TFix : CodeFixProvider, new()
{
    public FixTest(string source, string fixedSource)
    {
        AnalyzerTest.Configure(this);
        TestCode = source;
        FixedCode = fixedSource;
    }

    public FixTest<TFix> WithPolicy(string channels)
    {
        TestState.AnalyzerConfigFiles.Add(("/.editorconfig", $"root = true\n\n[*]\nhipaa_dev.approved_channels = {channels}\n"));
        return this;
    }
}
