namespace HipaaDev.Site.Content;

/// <summary>
/// Lists the files of a source folder (content, rule pages, assets) without following symbolic links. A link could
/// publish a file from outside the repository, loop forever or point nowhere, so every link is refused with a
/// diagnostic instead; folders that cannot be read are diagnostics too, never a crash.
/// </summary>
public static class SourceFiles
{
    /// <summary>
    /// Full paths of the files under <paramref name="root"/> whose names end with <paramref name="extension"/> (every
    /// file when null), in ordinal order. A missing root gives no files.
    /// </summary>
    public static List<string> Find(string root, string? extension, bool recursive, SiteBuildOptions options, List<BuildDiagnostic> diagnostics)
    {
        var files = new List<string>();
        var folder = new DirectoryInfo(root);
        if (!folder.Exists && folder.LinkTarget is null)
        {
            return files;
        }

        if (!RefuseLink(folder, options, diagnostics))
        {
            Walk(folder, extension, recursive, options, diagnostics, files);
        }

        files.Sort(StringComparer.Ordinal);
        return files;
    }

    private static void Walk(DirectoryInfo folder, string? extension, bool recursive, SiteBuildOptions options, List<BuildDiagnostic> diagnostics, List<string> files)
    {
        FileSystemInfo[] entries;
        try
        {
            entries = folder.GetFileSystemInfos();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            diagnostics.Add(new BuildDiagnostic(options.DisplayPath(folder.FullName), 0, $"The folder could not be read: {exception.Message}",
                "Check that the folder exists and is readable by the user running the build."));
            return;
        }

        foreach (var entry in entries)
        {
            var wanted = entry is DirectoryInfo ? recursive : extension is null || entry.Name.EndsWith(extension, StringComparison.Ordinal);
            if (!wanted || RefuseLink(entry, options, diagnostics))
            {
                continue;
            }

            if (entry is DirectoryInfo subfolder)
            {
                Walk(subfolder, extension, recursive, options, diagnostics, files);
            }
            else
            {
                files.Add(entry.FullName);
            }
        }
    }

    /// <summary>Reports <paramref name="entry"/> and returns true when it is a symbolic link (dangling and looping ones included).</summary>
    private static bool RefuseLink(FileSystemInfo entry, SiteBuildOptions options, List<BuildDiagnostic> diagnostics)
    {
        // LinkTarget reads the link itself and never follows it, so a loop or a dangling link cannot throw here.
        if (entry.LinkTarget is not { } target)
        {
            return false;
        }

        diagnostics.Add(new BuildDiagnostic(options.DisplayPath(entry.FullName), 0,
            $"'{SitePaths.Printable(entry.Name)}' is a symbolic link (to '{SitePaths.Printable(target)}'). The generator does not follow links, so nothing outside the repository is published by accident.",
            "Replace the link with a copy of the file or folder it points to."));
        return true;
    }
}
