namespace HipaaDev.Site.Content;

/// <summary>
/// Reads a content file whole, but never without bound: a named pipe with no writer, a device or a runaway file in
/// the content folder must fail the build with a message naming it, not hang the build or fill its memory.
/// </summary>
internal static class SourceBytes
{
    /// <summary>Far above any page (a long guide is tens of kilobytes) and far below what would strain memory.</summary>
    public const int MaxBytes = 16 * 1024 * 1024;

    private static readonly TimeSpan s_patience = TimeSpan.FromSeconds(10);

    /// <exception cref="IOException">The file cannot be read, is too large, or yields nothing within the patience.</exception>
    public static byte[] Read(string path)
    {
        // A regular file with content has a length: checked, then read in one allocation of that size. What reports
        // no length may be empty, or may be a pipe or a device that blocks on open or read: that is read on the side,
        // in bounded chunks, and given up on if it never finishes.
        var length = new FileInfo(path).Length;
        if (length > MaxBytes)
        {
            throw TooLarge();
        }

        if (length > 0)
        {
            return File.ReadAllBytes(path);
        }

        var reading = Task.Run(() => ReadBounded(path));
        if (!((IAsyncResult)reading).AsyncWaitHandle.WaitOne(s_patience))
        {
            throw new IOException(
                $"nothing could be read from it in {s_patience.TotalSeconds:0} s: it is probably a named pipe or a device, not a file. Remove it, or replace it with a Markdown file");
        }

        return reading.GetAwaiter().GetResult();
    }

    private static IOException TooLarge() =>
        new($"it is larger than {MaxBytes / (1024 * 1024)} MB, which no page's source is. Remove it, or split it into pages");

    private static byte[] ReadBounded(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                throw TooLarge();
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
