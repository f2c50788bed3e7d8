namespace HipaaDev.Package.Tests.Infrastructure;

/// <summary>Locations in the repository, found from the test assembly's folder.</summary>
internal static class RepositoryPaths
{
    public static readonly string Root = FindRoot();

    public static string PackageProject => Path.Combine(Root, "analyzers", "HipaaDev.Annotations", "HipaaDev.Annotations.csproj");

    public static string PackageReadme => Path.Combine(Root, "analyzers", "HipaaDev.Annotations", "PACKAGE.md");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "HipaaDev.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException(
            $"No HipaaDev.sln above {AppContext.BaseDirectory}. Run the package tests from a clone of the repository.");
    }
}
