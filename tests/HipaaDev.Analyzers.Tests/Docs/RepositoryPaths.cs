using System.IO;

namespace HipaaDev.Analyzers.Tests.Docs;

/// <summary>Finds the repository root (the folder holding HipaaDev.sln) from the test's output folder.</summary>
internal static class RepositoryPaths
{
    public static readonly string Root = FindRoot();

    public static string RulesFolder => Path.Combine(Root, "analyzers", "docs", "rules");

    /// <summary>The generated rules table the root README embeds (outside the rules folder, which the site publishes).</summary>
    public static string RulesTable => Path.Combine(Root, "analyzers", "docs", "rules-table.md");

    public static string SamplesFolder => Path.Combine(Root, "analyzers", "samples");

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "HipaaDev.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No HipaaDev.sln above '{AppContext.BaseDirectory}'; run the tests from inside the repository.");
    }
}
