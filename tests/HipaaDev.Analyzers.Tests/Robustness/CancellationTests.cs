using System.Collections.Concurrent;
using HipaaDev.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace HipaaDev.Analyzers.Tests.Robustness;

/// <summary>Cancelling an analysis (the IDE does on every keystroke) ends it with cancellation and nothing else.</summary>
public sealed class CancellationTests
{
    private const int Senders = 120;

    private static readonly Lazy<Compilation> s_largeProject = new(() => AnalyzerRunner.Empty.AddSyntaxTrees(
        AnalyzerRunner.ContextTrees.Value.Append(AnalyzerRunner.Parse(GeneratedSources.ManySenders(Senders, statementsEach: 40), "ManySenders.cs"))));

    [Fact]
    public async Task AnalysisOfALargeProject_CancelledAfterAShortDelay_ThrowsOperationCanceled_AndNothingElse()
    {
        var exceptions = new ConcurrentQueue<string>();
        var analysis = AnalyzerRunner.WithAnalyzers(s_largeProject.Value, exceptions);
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        var thrown = await Record.ExceptionAsync(() => analysis.GetAnalyzerDiagnosticsAsync(cancellation.Token));

        Assert.True(thrown is OperationCanceledException, $"Expected cancellation, got {thrown?.ToString() ?? "a finished analysis (make the generated project larger)"}");
        Assert.True(exceptions.IsEmpty, "Analyzers threw while being cancelled:\n" + string.Join("\n", exceptions));
    }

    [Fact]
    public async Task AnalysisWithAnAlreadyCancelledToken_ThrowsOperationCanceled_AndNothingElse()
    {
        var exceptions = new ConcurrentQueue<string>();
        var analysis = AnalyzerRunner.WithAnalyzers(s_largeProject.Value, exceptions);
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => analysis.GetAnalyzerDiagnosticsAsync(cancellation.Token));
        Assert.True(exceptions.IsEmpty, "Analyzers threw on a cancelled token:\n" + string.Join("\n", exceptions));
    }

    [Fact]
    public async Task LargeProject_WhenNotCancelled_IsAnalyzedAndReported()
    {
        // The cancelled runs above are only meaningful if the same input, left alone, is real work that reports.
        var outcome = await AnalyzerRunner.AnalyzeAsync(s_largeProject.Value);

        AnalyzerRunner.AssertNoCrash(outcome, "the generated large project");
        Assert.Equal(Senders, outcome.Diagnostics.Count(d => d.Id == "HIPAA001" && Expect.SourceNamedBy(d) == "Patient.Diagnosis"));
    }
}
