using System.Collections.Immutable;
using System.IO;
using System.Text.RegularExpressions;
using HipaaDev.Analyzers.Tests.Docs;
using Microsoft.CodeAnalysis;
using HipaaDev.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Text;

namespace HipaaDev.Analyzers.Tests.Adoption;

/// <summary>
/// Compiles analyzers/samples/ClinicNotifications (Shared + Before, Shared + After) with every analyzer, the sample's
/// global config and PhiSymbols.txt, and checks the diagnostics are exactly the lines marked <c>// expect: ID</c>.
/// </summary>
public sealed partial class SampleTests
{
    private static string Sample => Path.Combine(RepositoryPaths.SamplesFolder, "ClinicNotifications");

    [Fact]
    public async Task Before_ReportsExactlyTheMarkedLines()
    {
        var (expected, actual) = await RunAsync("Before");

        Assert.NotEmpty(expected);
        Assert.Contains(expected, e => e.Id == "HIPAA002");
        Assert.Equal(expected, actual);
    }

    [Fact]
    public async Task After_ReportsNothing()
    {
        var (expected, actual) = await RunAsync("After");

        Assert.Empty(expected);
        Assert.Empty(actual);
    }

    private static async Task<(List<Finding> Expected, List<Finding> Actual)> RunAsync(string folder)
    {
        var files = Directory.EnumerateFiles(Path.Combine(Sample, "Shared"), "*.cs")
            .Concat(Directory.EnumerateFiles(Path.Combine(Sample, folder), "*.cs"))
            .Order(StringComparer.Ordinal)
            .ToList();
        var compilation = AnalyzerRunner.CompileFiles(TestReferences.WithFhir, files);
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, "The sample does not compile:\n" + string.Join("\n", errors));

        var symbolsPath = Path.Combine(Sample, "Shared", "PhiSymbols.txt");
        var outcome = await AnalyzerRunner.AnalyzeAsync(
            compilation,
            options: new AnalyzerRunner.GlobalOptionsProvider(ReadGlobalConfig(Path.Combine(Sample, "Shared", "hipaa.globalconfig"))),
            additionalFiles: ImmutableArray.Create<AdditionalText>(new FileText(symbolsPath)));
        AnalyzerRunner.AssertNoCrash(outcome, "the sample");
        var diagnostics = outcome.Diagnostics;

        var actual = diagnostics
            .Select(d => new Finding(Path.GetFileName(d.Location.SourceTree?.FilePath ?? d.Location.GetLineSpan().Path), d.Location.GetLineSpan().StartLinePosition.Line + 1, d.Id))
            .Order()
            .ToList();
        var expected = files
            .SelectMany(path => File.ReadAllLines(path).Select((line, index) => (path, line, index)))
            .SelectMany(entry => ExpectComment().Matches(entry.line).Select(match => new Finding(Path.GetFileName(entry.path), entry.index + 1, match.Groups[1].Value)))
            .Order()
            .ToList();
        return (expected, actual);
    }

    private static Dictionary<string, string> ReadGlobalConfig(string path) => File.ReadAllLines(path)
        .Select(line => line.Trim())
        .Where(line => line.Length > 0 && !line.StartsWith('#') && line.Contains('='))
        .Select(line => line.Split('=', 2))
        .ToDictionary(parts => parts[0].Trim(), parts => parts[1].Trim(), StringComparer.OrdinalIgnoreCase);

    [GeneratedRegex(@"// expect: (HIPAA\d{3})")]
    private static partial Regex ExpectComment();

    private sealed record Finding(string File, int Line, string Id) : IComparable<Finding>
    {
        public int CompareTo(Finding? other) => other is null ? 1 : string.CompareOrdinal(ToString(), other.ToString());

        public override string ToString() => $"{File}:{Line} {Id}";
    }

    private sealed class FileText(string path) : AdditionalText
    {
        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(File.ReadAllText(Path));
    }
}
