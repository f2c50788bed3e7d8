using HipaaDev.Analyzers.Rules;
using HipaaDev.Analyzers.Sinks;
using HipaaDev.Analyzers.Tests.Infrastructure;

namespace HipaaDev.Analyzers.Tests.Sinks;

/// <summary>The samples reach every row of the sink catalogue, so no sink goes untested.</summary>
public sealed class SinkCatalogCoverageTests
{
    [Fact]
    public async Task EveryCatalogueRow_IsReachedBySomeSample()
    {
        var samples = new[]
        {
            SinkSamples.SystemNetMail, SinkSamples.MimeKit, SinkSamples.SendGrid, SinkSamples.Twilio, SinkSamples.MicrosoftGraph,
            SinkSamples.Aws, SinkSamples.Azure, SinkSamples.Vonage, SinkSamples.FluentEmail,
        };
        var compilation = AnalyzerRunner.Compile(samples.Concat(SinkTests.SourcesFor(string.Empty).Skip(1)).ToArray());
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));

        var diagnostics = await AnalyzerRunner.RunAsync(compilation);
        var reached = diagnostics.Select(d => d.Properties[DiagnosticProperties.Sink]).ToHashSet();

        var missing = SinkCatalog.All.Select(spec => spec.Key).Where(key => !reached.Contains(key)).ToList();
        Assert.True(missing.Count == 0, "Catalogue rows no sample reaches:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void CatalogueRows_AreUnique()
    {
        var duplicates = SinkCatalog.All.GroupBy(spec => spec.Key).Where(group => group.Count() > 1).Select(group => group.Key);
        Assert.Empty(duplicates);
    }
}
