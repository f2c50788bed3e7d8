using HipaaDev.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace HipaaDev.Analyzers.Tests.Infrastructure;

/// <summary>
/// Runs an analyzer over test sources written with markup: <c>{|#0:...|}</c> marks where a diagnostic is expected
/// and <c>{|#1:...|}</c> the PHI source it names (its additional location).
/// </summary>
internal static class Verify<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    static Verify()
    {
        PhiFlowAnalyzer.ThrowOnInternalError = true;
    }

    public static Task AnalyzerAsync(string source, params DiagnosticResult[] expected) =>
        AnalyzerAsync(new[] { source }, editorConfig: null, expected);

    public static async Task AnalyzerAsync(string[] sources, string? editorConfig, params DiagnosticResult[] expected)
    {
        var test = new CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
        {
            ReferenceAssemblies = TestReferences.Empty,
        };
        test.TestState.AdditionalReferences.AddRange(TestReferences.All);
        for (var i = 0; i < sources.Length; i++)
        {
            test.TestState.Sources.Add(($"/0/Test{i}.cs", sources[i]));
        }

        if (editorConfig is not null)
        {
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*]\n" + editorConfig));
        }

        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync();
    }
}

/// <summary>Expected diagnostics, by rule.</summary>
internal static class Expect
{
    /// <summary>A HIPAA001 at markup location <paramref name="at"/> whose PHI source is markup <paramref name="source"/>.</summary>
    public static DiagnosticResult Body(int at, int? source = null) => Create(Descriptors.PhiInMessageBody, at, source);

    public static DiagnosticResult Subject(int at, int? source = null) => Create(Descriptors.PhiInSubject, at, source);

    public static DiagnosticResult Template(int at, int? source = null) => Create(Descriptors.PhiObjectInTemplate, at, source);

    public static DiagnosticResult Channel(int at) => new DiagnosticResult(Descriptors.ChannelNotInPolicy.Id, DiagnosticSeverity.Warning).WithLocation(at);

    // Built from the ID so the message is only compared when a test states it (WithMessage).
    private static DiagnosticResult Create(DiagnosticDescriptor descriptor, int at, int? source)
    {
        var result = new DiagnosticResult(descriptor.Id, descriptor.DefaultSeverity).WithLocation(at);
        return source is { } additional
            ? result.WithLocation(additional, DiagnosticLocationOptions.None)
            : result.WithOptions(DiagnosticOptions.IgnoreAdditionalLocations);
    }
}
