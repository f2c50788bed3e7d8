namespace HipaaDev.Inventory.Tests.EndToEnd;

/// <summary>Locations in the repository, found from the test assembly's folder.</summary>
internal static class RepositoryPaths
{
    public static readonly string Root = FindRoot();

    /// <summary>The project that packs HipaaDev.Analyzers (attributes, analyzer and code fixes).</summary>
    public static string AnalyzerPackageProject => Path.Combine(Root, "analyzers", "HipaaDev.Annotations", "HipaaDev.Annotations.csproj");

    public static string ToolProject => Path.Combine(Root, "analyzers", "HipaaDev.Inventory", "HipaaDev.Inventory.csproj");

    public static string Sample => Path.Combine(Root, "analyzers", "samples", "ClinicNotifications");

    public static string ExpectedInventory => Path.Combine(Sample, "inventory.expected.md");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "HipaaDev.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No HipaaDev.sln above {AppContext.BaseDirectory}. Run the tests from a clone of the repository.");
    }
}
