namespace HipaaDev.Site;

/// <summary>Finds the repository root so the generator works from any working directory.</summary>
public static class RepositoryLocator
{
    private const string MarkerFile = "HipaaDev.sln";

    public static string FindRoot()
    {
        return FindFrom(Directory.GetCurrentDirectory())
            ?? FindFrom(AppContext.BaseDirectory)
            ?? throw new InvalidOperationException(
                $"Could not find {MarkerFile} in the current folder or any folder above it, nor above the generator's own folder. Run the generator from inside the HipaaDev repository.");
    }

    public static string? FindFrom(string startFolder)
    {
        for (var folder = new DirectoryInfo(startFolder); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, MarkerFile)))
            {
                return folder.FullName;
            }
        }

        return null;
    }
}
