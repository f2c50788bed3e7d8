using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace HipaaDev.Site.Content;

/// <summary>
/// Decodes source files as strict UTF-8: an invalid byte sequence is an error with its line, never a silent U+FFFD
/// that would ship as a '?' box on a compliance page.
/// </summary>
public static class StrictUtf8
{
    /// <summary>The text (without a leading byte order mark), or null and the 1-based line of the first invalid sequence.</summary>
    public static (string? Text, int InvalidLine) Decode(byte[] bytes)
    {
        ReadOnlySpan<byte> content = bytes;
        if (content.StartsWith(Encoding.UTF8.Preamble))
        {
            content = content[Encoding.UTF8.Preamble.Length..];
        }

        var chars = new char[content.Length];
        var status = Utf8.ToUtf16(content, chars, out var bytesRead, out var charsWritten, replaceInvalidSequences: false);
        if (status == OperationStatus.Done)
        {
            return (new string(chars, 0, charsWritten), 0);
        }

        return (null, content[..bytesRead].Count((byte)'\n') + 1);
    }
}
