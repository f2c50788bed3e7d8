namespace HipaaDev.Site.Publishing;

/// <summary>
/// Publishes a finished build. A full build writes everything into a temporary folder beside the output and
/// swaps it in only after every stage succeeded, so a failed build leaves the previous output untouched.
/// </summary>
public static class OutputFolder
{
    /// <summary>A new empty folder next to <paramref name="outputFolder"/> (same disk, so the swap is a rename).</summary>
    public static string CreateStaging(string outputFolder)
    {
        var parent = Path.GetDirectoryName(Path.GetFullPath(outputFolder))!;
        Directory.CreateDirectory(parent);
        var staging = Path.Combine(parent, $".output-{Guid.NewGuid():N}");
        Directory.CreateDirectory(staging);
        return staging;
    }

    public static void WriteAll(string folder, IReadOnlyDictionary<string, byte[]> files)
    {
        foreach (var (relativePath, content) in files)
        {
            var path = Path.Combine(folder, relativePath);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, content);
        }
    }

    /// <summary>Replaces <paramref name="outputFolder"/> with <paramref name="staging"/>.</summary>
    public static void Swap(string staging, string outputFolder)
    {
        string? retired = null;
        if (Directory.Exists(outputFolder))
        {
            retired = staging + "-previous";
            Directory.Move(outputFolder, retired);
        }

        Directory.Move(staging, outputFolder);
        if (retired is not null)
        {
            Directory.Delete(retired, recursive: true);
        }
    }

    public static void Discard(string staging)
    {
        if (Directory.Exists(staging))
        {
            Directory.Delete(staging, recursive: true);
        }
    }

    /// <summary>
    /// The preview server's fast path: writes only files whose bytes changed since <paramref name="previous"/> and
    /// removes files that are gone, leaving Pagefind's folder alone. Returns how many files it wrote.
    /// </summary>
    public static int WriteChanges(string outputFolder, IReadOnlyDictionary<string, byte[]> files, IReadOnlyDictionary<string, byte[]>? previous)
    {
        var written = 0;
        foreach (var (relativePath, content) in files)
        {
            if (previous is not null && previous.TryGetValue(relativePath, out var old) && (ReferenceEquals(old, content) || old.AsSpan().SequenceEqual(content)))
            {
                continue;
            }

            var path = Path.Combine(outputFolder, relativePath);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, content);
            written++;
        }

        if (previous is not null)
        {
            foreach (var gone in previous.Keys.Where(k => !files.ContainsKey(k)))
            {
                File.Delete(Path.Combine(outputFolder, gone));
            }
        }

        return written;
    }
}
