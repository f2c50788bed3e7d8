using System.Runtime.InteropServices;

namespace HipaaDev.Site.Publishing;

/// <summary>
/// Publishes a build. A full build writes every file into a temporary folder beside the output as it is made
/// (<see cref="StagedOutput"/>) and swaps it in only after every stage succeeded, so a failed build leaves the previous
/// output untouched. Every path is checked to stay inside the folder it is written to or deleted from.
/// </summary>
public static class OutputFolder
{
    private const string StagingPrefix = ".output-";
    private const string RetiredSuffix = "-previous";

    /// <summary>A new empty folder next to <paramref name="outputFolder"/> (same disk, so the swap is a rename).</summary>
    public static string CreateStaging(string outputFolder)
    {
        var parent = Path.GetDirectoryName(Path.GetFullPath(outputFolder))!;
        Directory.CreateDirectory(parent);
        var staging = Path.Combine(parent, $"{StagingPrefix}{Guid.NewGuid():N}");
        Directory.CreateDirectory(staging);
        return staging;
    }

    /// <summary>
    /// Removes the staging folders of builds that were killed before they finished. When a build died between the two
    /// renames of <see cref="Swap"/> (only where an atomic exchange is not available), the output is missing and its
    /// last good copy is the retired folder: that copy is put back first. Call it while no other build runs.
    /// </summary>
    public static void RemoveAbandonedStaging(string outputFolder)
    {
        var parent = Path.GetDirectoryName(Path.GetFullPath(outputFolder))!;
        if (!Directory.Exists(parent))
        {
            return;
        }

        var leftovers = Directory.GetDirectories(parent, StagingPrefix + "*").Order(StringComparer.Ordinal).ToList();
        if (!Directory.Exists(outputFolder) && leftovers.FirstOrDefault(f => f.EndsWith(RetiredSuffix, StringComparison.Ordinal)) is { } retired)
        {
            Directory.Move(retired, outputFolder);
            leftovers.Remove(retired);
        }

        foreach (var leftover in leftovers)
        {
            Directory.Delete(leftover, recursive: true);
        }
    }

    /// <summary>
    /// The full path of <paramref name="relativePath"/> inside <paramref name="folder"/>. Throws when the path would
    /// leave the folder (a rooted path or '..'): the content rules should make that impossible, and this is the last
    /// line of defence before a write or delete.
    /// </summary>
    public static string PathInside(string folder, string relativePath)
    {
        var root = Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        var full = Path.GetFullPath(Path.Combine(root, relativePath));
        if (relativePath.Length == 0 || Path.IsPathRooted(relativePath) || !full.StartsWith(root, StringComparison.Ordinal) || full.Length == root.Length)
        {
            throw new UnsafeOutputPathException(relativePath);
        }

        return full;
    }

    /// <summary>
    /// Replaces <paramref name="outputFolder"/> with <paramref name="staging"/>. On Linux the two folders are exchanged
    /// in one atomic rename, so there is no moment without an output folder. Elsewhere (or on file systems without
    /// the exchange) the old folder is renamed aside and the new one into place: between those two renames, a
    /// moment of microseconds, the output folder does not exist; if the process dies there, the next build puts the
    /// old folder back (<see cref="RemoveAbandonedStaging"/>).
    /// </summary>
    public static void Swap(string staging, string outputFolder)
    {
        if (Directory.Exists(outputFolder) && TryExchange(staging, outputFolder))
        {
            // The previous output now sits at the staging path.
            Directory.Delete(staging, recursive: true);
            return;
        }

        string? retired = null;
        if (Directory.Exists(outputFolder))
        {
            retired = staging + RetiredSuffix;
            Directory.Move(outputFolder, retired);
        }

        Directory.Move(staging, outputFolder);
        if (retired is not null)
        {
            Directory.Delete(retired, recursive: true);
        }
    }

    /// <summary>
    /// Holds the build lock of <paramref name="outputFolder"/> (an OS file lock, released when the process exits,
    /// even when it is killed), or returns null when another build holds it.
    /// </summary>
    public static FileStream? TryLock(string outputFolder)
    {
        var parent = Path.GetDirectoryName(Path.GetFullPath(outputFolder))!;
        Directory.CreateDirectory(parent);
        try
        {
            return new FileStream(Path.Combine(parent, ".output.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            return null;
        }
    }

    public static void Discard(string staging)
    {
        if (Directory.Exists(staging))
        {
            Directory.Delete(staging, recursive: true);
        }
    }

    /// <summary>Writes one file, creating its folders; the path is checked first.</summary>
    public static void Write(string folder, string relativePath, byte[] content)
    {
        var path = PathInside(folder, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, content);
    }

    /// <summary>
    /// The preview server's fast path: writes the files that changed and removes the files that are gone, leaving
    /// Pagefind's folder alone. Every path is checked before the first write or delete.
    /// </summary>
    public static void WriteChanges(string outputFolder, IReadOnlyDictionary<string, byte[]> changed, IReadOnlyCollection<string> gone)
    {
        var writes = changed.Select(file => (Path: PathInside(outputFolder, file.Key), Content: file.Value)).ToList();
        var deletes = gone.Select(relativePath => PathInside(outputFolder, relativePath)).ToList();

        foreach (var (path, content) in writes)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, content);
        }

        foreach (var path in deletes)
        {
            File.Delete(path);
        }
    }

    private static bool TryExchange(string first, string second)
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        try
        {
            return RenameAt2(AtCurrentFolder, first, AtCurrentFolder, second, RenameExchange) == 0;
        }
        catch (Exception exception) when (exception is DllNotFoundException or EntryPointNotFoundException)
        {
            // A C library without renameat2 (old glibc, musl before 1.2.x): use the two renames.
            return false;
        }
    }

    private const int AtCurrentFolder = -100;
    private const uint RenameExchange = 2;

    [DllImport("libc", EntryPoint = "renameat2", SetLastError = true)]
    private static extern int RenameAt2(int oldFolder, [MarshalAs(UnmanagedType.LPUTF8Str)] string oldPath, int newFolder, [MarshalAs(UnmanagedType.LPUTF8Str)] string newPath, uint flags);
}
