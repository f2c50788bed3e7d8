namespace HipaaDev.Site.Publishing;

/// <summary>An output path that would write or delete outside the output folder; the build stops before touching anything.</summary>
public sealed class UnsafeOutputPathException(string relativePath)
    : Exception($"The output path '{Content.SitePaths.Printable(relativePath)}' leaves the output folder.")
{
    public string RelativePath { get; } = relativePath;
}
