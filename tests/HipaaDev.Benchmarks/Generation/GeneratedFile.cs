namespace HipaaDev.Benchmarks.Generation;

/// <summary>One generated source or content file: a path relative to the output folder, and its text.</summary>
public sealed record GeneratedFile(string RelativePath, string Text)
{
    public int LineCount => Text.Count(c => c == '\n');

    public void WriteUnder(string root)
    {
        var path = Path.Combine(root, RelativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, Text);
    }
}
