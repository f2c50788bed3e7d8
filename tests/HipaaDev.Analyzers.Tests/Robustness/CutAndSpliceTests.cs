using System.Collections.Concurrent;
using System.Diagnostics;
using HipaaDev.Analyzers.Tests.Infrastructure;
using HipaaDev.Analyzers.Tests.Sinks;
using Microsoft.CodeAnalysis;
using Xunit.Abstractions;

namespace HipaaDev.Analyzers.Tests.Robustness;

/// <summary>
/// Every test source cut off at many points, with random spans deleted and random lines duplicated elsewhere: the
/// half-typed and broken code an IDE hands the analyzer on every keystroke. No variant may crash an analyzer.
/// Variants are chosen with a fixed seed, so a failure names a variant that can be rebuilt.
/// </summary>
public sealed class CutAndSpliceTests
{
    private const int Seed = 1234;
    private const int CutsPerSource = 200;
    private const int DeletionsPerSource = 20;
    private const int DuplicationsPerSource = 20;
    private const int LongestDeletion = 200;

    /// <summary>The context trees each source needs to bind; fewer trees make each of the thousands of runs cheaper.</summary>
    private static readonly IReadOnlyDictionary<string, string[]> s_contextNeeded = new Dictionary<string, string[]>
    {
        ["SinkSamples.Aws"] = new[] { "Patient", "StandIns.Aws" },
        ["SinkSamples.Azure"] = new[] { "Patient", "StandIns.Azure" },
        ["SinkSamples.Vonage"] = new[] { "Patient", "StandIns.Vonage" },
        ["SinkSamples.FluentEmail"] = new[] { "Patient", "StandIns.FluentEmail" },
        ["RealisticSenders.NotificationPipeline"] = new[] { "Patient", "StandIns.Aws", "StandIns.FluentEmail" },
        ["Patient"] = new[] { "StandIns.Vonage" },
        ["StandIns.Aws"] = new[] { "Patient" },
        ["StandIns.Azure"] = new[] { "Patient" },
        ["StandIns.Vonage"] = new[] { "Patient" },
        ["StandIns.FluentEmail"] = new[] { "Patient" },
    };

    private static readonly IReadOnlyDictionary<string, string> s_sources = new Dictionary<string, string>
    {
        ["SinkSamples.SystemNetMail"] = SinkSamples.SystemNetMail,
        ["SinkSamples.MimeKit"] = SinkSamples.MimeKit,
        ["SinkSamples.SendGrid"] = SinkSamples.SendGrid,
        ["SinkSamples.Twilio"] = SinkSamples.Twilio,
        ["SinkSamples.MicrosoftGraph"] = SinkSamples.MicrosoftGraph,
        ["SinkSamples.Aws"] = SinkSamples.Aws,
        ["SinkSamples.Azure"] = SinkSamples.Azure,
        ["SinkSamples.Vonage"] = SinkSamples.Vonage,
        ["SinkSamples.FluentEmail"] = SinkSamples.FluentEmail,
        ["Patient"] = SinkSamples.Patient,
        ["StandIns.Aws"] = StandIns.Aws,
        ["StandIns.Azure"] = StandIns.Azure,
        ["StandIns.Vonage"] = StandIns.Vonage,
        ["StandIns.FluentEmail"] = StandIns.FluentEmail,
        ["RealisticSenders.ReminderService"] = RealisticSenders.ReminderService,
        ["RealisticSenders.ResultsMailer"] = RealisticSenders.ResultsMailer,
        ["RealisticSenders.NotificationPipeline"] = RealisticSenders.NotificationPipeline,
    };

    private readonly ITestOutputHelper _output;

    public CutAndSpliceTests(ITestOutputHelper output)
    {
        _output = output;
    }

    public static TheoryData<string> SourceNames => new(s_sources.Keys);

    [Theory]
    [MemberData(nameof(SourceNames))]
    public async Task EveryCutAndSplicedVariant_AnalyzesWithoutAnalyzerException(string sourceName)
    {
        var text = AnalyzerRunner.WithoutMarkup(s_sources[sourceName]);
        var baseline = CompilationFor(sourceName, text);
        var stopwatch = Stopwatch.StartNew();
        var failures = new ConcurrentBag<(int Index, string Report)>();
        var variants = Variants(text).Select((variant, index) => (Index: index, variant.Description, variant.Text)).ToList();

        // Variants are independent compilations: two at a time keeps both cores busy between the analyzer's own threads.
        await Parallel.ForEachAsync(variants, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, async (variant, cancellationToken) =>
        {
            var tree = AnalyzerRunner.Parse(variant.Text, sourceName + ".cs");
            var outcome = await AnalyzerRunner.AnalyzeTreeAsync(baseline.ReplaceSyntaxTree(baseline.SyntaxTrees.Last(), tree), tree, cancellationToken);
            if (outcome.Crashed)
            {
                failures.Add((variant.Index, $"--- {sourceName}, {variant.Description} ---\n{outcome.DescribeCrash()}\n--- variant text ---\n{variant.Text}"));
            }
        });

        _output.WriteLine($"{sourceName}: {variants.Count} variants analyzed in {stopwatch.Elapsed.TotalSeconds:F1} s.");
        Assert.True(
            failures.IsEmpty,
            $"{failures.Count} of {variants.Count} variants of {sourceName} crashed an analyzer (seed {Seed}). First:\n{failures.OrderBy(f => f.Index).FirstOrDefault().Report}");
    }

    [Theory]
    [InlineData("RealisticSenders.ReminderService")]
    [InlineData("RealisticSenders.ResultsMailer")]
    [InlineData("RealisticSenders.NotificationPipeline")]
    public void RealisticSender_CompilesWithoutErrorsBeforeItIsCut(string sourceName)
    {
        var compilation = CompilationFor(sourceName, AnalyzerRunner.WithoutMarkup(s_sources[sourceName]));
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();

        Assert.True(errors.Count == 0, $"{sourceName} must compile as written:\n{string.Join("\n", errors)}");
    }

    [Fact]
    public async Task RealisticSenders_AreReportedWhereTheySendPhi()
    {
        // The fuzzed sources must reach the analysis itself, not stop at the early exit.
        await new AnalyzerTest(
                RealisticSenders.ReminderService,
                RealisticSenders.ResultsMailer,
                RealisticSenders.NotificationPipeline,
                SinkSamples.Patient,
                StandIns.Aws,
                StandIns.FluentEmail)
            .Expecting(
                Expect.Body(0, "Patient.Name", SinkSamples.NameDeclaration),
                Expect.Body(1, "LabResult.Test", 10),
                Expect.Body(2, "Patient", SinkSamples.PatientDeclaration),
                Expect.Body(3, "PlainMailer.Summary()", 11),
                Expect.Body(4, "PlainMailer.Summary()", 11),
                Expect.Body(5, "Patient.Name", SinkSamples.NameDeclaration))
            .RunAsync();
    }

    /// <summary>The context trees the source needs, with the source itself as the last tree.</summary>
    private static Compilation CompilationFor(string sourceName, string text)
    {
        var needed = s_contextNeeded.TryGetValue(sourceName, out var names) ? names : new[] { "Patient" };
        return AnalyzerRunner.Empty.AddSyntaxTrees(
            AnalyzerRunner.ContextTrees.Value.Where(tree => needed.Contains(Path.GetFileNameWithoutExtension(tree.FilePath)))
                .Append(AnalyzerRunner.Parse(text, sourceName + ".cs")));
    }

    private static IEnumerable<(string Description, string Text)> Variants(string text)
    {
        var random = new Random(Seed);
        for (var i = 0; i < CutsPerSource; i++)
        {
            var cut = random.Next(text.Length + 1);
            yield return ($"cut at offset {cut}", text[..cut]);
        }

        for (var i = 0; i < DeletionsPerSource; i++)
        {
            var start = random.Next(text.Length);
            var length = random.Next(1, Math.Min(LongestDeletion, text.Length - start) + 1);
            yield return ($"offsets {start}..{start + length} deleted", text.Remove(start, length));
        }

        var lines = text.Split('\n');
        for (var i = 0; i < DuplicationsPerSource; i++)
        {
            var copied = random.Next(lines.Length);
            var insertAt = random.Next(lines.Length + 1);
            var spliced = lines.ToList();
            spliced.Insert(insertAt, lines[copied]);
            yield return ($"line {copied + 1} copied before line {insertAt + 1}", string.Join('\n', spliced));
        }
    }
}
