namespace HipaaDev.Benchmarks.Reports;

/// <summary>
/// Replaces the text between <c>&lt;!-- name:start --&gt;</c> and <c>&lt;!-- name:end --&gt;</c> in the benchmarks
/// README, so each script rewrites only its own tables and the prose around them stays as written.
/// </summary>
public static class ReadmeSection
{
    public static void Replace(string readmePath, string name, string content)
    {
        var start = $"<!-- {name}:start -->";
        var end = $"<!-- {name}:end -->";
        var text = File.Exists(readmePath) ? File.ReadAllText(readmePath) : string.Empty;
        var startIndex = text.IndexOf(start, StringComparison.Ordinal);
        var endIndex = text.IndexOf(end, StringComparison.Ordinal);
        var block = $"{start}\n{content.TrimEnd()}\n{end}";
        if (startIndex < 0 || endIndex < startIndex)
        {
            // A README without the markers gets the section appended rather than losing its text.
            text = text.TrimEnd() + (text.Length > 0 ? "\n\n" : string.Empty) + block + "\n";
        }
        else
        {
            text = text[..startIndex] + block + text[(endIndex + end.Length)..];
        }

        File.WriteAllText(readmePath, text);
    }
}
