using System.Text.Json;

namespace HipaaDev.Inventory.Tests.EndToEnd;

/// <summary>
/// The ClinicNotifications sample built with the packed analyzer and inventoried with the packed tool gives the
/// checked-in analyzers/samples/ClinicNotifications/inventory.expected.md.
/// </summary>
public sealed class SampleInventoryTests(SampleInventoryFixture fixture) : IClassFixture<SampleInventoryFixture>
{
    [Fact]
    public void Build_LogsOneSendSitePerSdkCall()
    {
        Assert.True(fixture.Build.Succeeded, fixture.Build.Describe());
        using var log = JsonDocument.Parse(fixture.Read(SampleInventoryFixture.SarifFile));
        var sendSites = log.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
            .Count(result => result.GetProperty("ruleId").GetString() == "HIPAA100");

        Assert.True(sendSites > 0, "The build with -p:HipaaDevInventory=true logged no HIPAA100 result.");
    }

    [Fact]
    public void Inventory_MatchesTheExpectedMarkdown()
    {
        var run = Assert.IsType<ChildProcessResult>(fixture.Inventory);
        Assert.True(run.Succeeded, run.Describe());

        var expected = File.ReadAllText(RepositoryPaths.ExpectedInventory).ReplaceLineEndings("\n");
        var actual = fixture.Read(SampleInventoryFixture.MarkdownFile).ReplaceLineEndings("\n");

        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Inventory_CsvHasOneRowPerSendSiteInTheMarkdown()
    {
        var run = Assert.IsType<ChildProcessResult>(fixture.Inventory);
        Assert.True(run.Succeeded, run.Describe());

        var rows = fixture.Read(SampleInventoryFixture.CsvFile).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var tableRows = fixture.Read(SampleInventoryFixture.MarkdownFile).Split('\n').Count(line => line.StartsWith("| `Before/", StringComparison.Ordinal));

        Assert.True(tableRows > 0, "The Markdown lists no send site of the sample.");
        Assert.Equal("path,line,column,channel,vendor,api,parts,method,approved_channel,approved_channel_listed,phi_parts,phi_sources", rows[0]);
        Assert.Equal(tableRows, rows.Length - 1);
        Assert.All(rows.Skip(1), row => Assert.StartsWith("Before/", row));
    }
}
