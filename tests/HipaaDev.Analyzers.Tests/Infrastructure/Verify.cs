using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace HipaaDev.Analyzers.Tests.Infrastructure;

/// <summary>
/// The short way to run one analyzer over markup sources: <c>{|#0:...|}</c> marks where a diagnostic is expected
/// and another marker the PHI source it names (its additional location). Builds an <see cref="AnalyzerTest"/>, which
/// is also the way to add configuration, additional files or every analyzer of the package.
/// </summary>
internal static class Verify<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    public static Task AnalyzerAsync(string source, params DiagnosticResult[] expected) =>
        AnalyzerAsync(new[] { source }, editorConfig: null, expected);

    public static Task AnalyzerAsync(string[] sources, string? editorConfig, params DiagnosticResult[] expected)
    {
        var test = AnalyzerTest.For<TAnalyzer>(sources).Expecting(expected);
        if (editorConfig is not null)
        {
            test.WithEditorConfig(editorConfig);
        }

        return test.RunAsync();
    }
}
