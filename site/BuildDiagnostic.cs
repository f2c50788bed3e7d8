namespace HipaaDev.Site;

/// <summary>One problem that stops the build: where it is, what is wrong, and how to fix it.</summary>
/// <param name="File">Path relative to the repository root, with forward slashes.</param>
/// <param name="Line">1-based line in <paramref name="File"/>; 0 when the problem is not tied to a line.</param>
public sealed record BuildDiagnostic(string File, int Line, string Message, string Fix)
{
    public override string ToString() => $"{File}:{Math.Max(Line, 1)}: {Message} Fix: {Fix}";
}
