using System.IO;

namespace HipaaDev.Analyzers.Tests.Docs;

/// <summary>Keeps analyzers/docs/rules-table.md, which the README embeds, equal to the descriptors.</summary>
public sealed class RulesTableTests
{
    [Fact]
    public void RulesTableFile_MatchesTheDescriptors()
    {
        var expected = RulesTable.Generate();
        var actual = File.Exists(RepositoryPaths.RulesTable) ? File.ReadAllText(RepositoryPaths.RulesTable).ReplaceLineEndings("\n") : null;
        if (actual != expected)
        {
            // Regenerate so the fix is one commit away; the test still fails so a stale table never passes CI.
            File.WriteAllText(RepositoryPaths.RulesTable, expected);
        }

        Assert.True(actual == expected, $"{RepositoryPaths.RulesTable} was out of date and has been regenerated; review and commit it.");
    }

    [Fact]
    public void RulesTable_HasOneRowPerRule()
    {
        var table = RulesTable.Generate();
        foreach (var descriptor in RulesTable.Descriptors())
        {
            Assert.Single(table.Split('\n'), line => line.StartsWith($"| [{descriptor.Id}](", StringComparison.Ordinal));
        }

        Assert.Contains("| [HIPAA001](https://hipaadev.netlify.app/analyzer/rules/hipaa001/) |", table);
    }

    [Fact]
    public void ReadmeRulesSection_WhenMarked_MatchesTheTable()
    {
        // The README is the lead's; once it marks its rules table with <!-- rules --> ... <!-- /rules -->, the
        // section must hold exactly the generated table.
        var readme = Path.Combine(RepositoryPaths.Root, "README.md");
        var text = File.Exists(readme) ? File.ReadAllText(readme).ReplaceLineEndings("\n") : "";
        var start = text.IndexOf("<!-- rules -->", StringComparison.Ordinal);
        var end = text.IndexOf("<!-- /rules -->", StringComparison.Ordinal);
        if (start < 0 || end < 0)
        {
            return;
        }

        var section = text[(start + "<!-- rules -->".Length)..end].Trim('\n');
        Assert.True(
            RulesTable.Generate().TrimEnd('\n') == section,
            $"README.md:{text[..start].Count(c => c == '\n') + 1}: the rules table between <!-- rules --> and <!-- /rules --> differs from the descriptors. Replace it with the content of analyzers/docs/rules-table.md.");
    }
}
