using System.Text.RegularExpressions;

namespace HipaaDev.Package.Tests.Infrastructure;

/// <summary>One <c>path(line,col): warning ID: message</c> line of MSBuild console output.</summary>
internal sealed partial record BuildDiagnostic(string Path, int Line, int Column, string Severity, string Id, string Message)
{
    public string FileName => System.IO.Path.GetFileName(Path);

    public override string ToString() => $"{FileName}({Line},{Column}): {Severity} {Id}: {Message}";

    /// <summary>
    /// Every distinct diagnostic in the output. MSBuild prints each warning twice (as it happens and in the
    /// summary), so duplicates are folded; at normal verbosity the lines are indented, and the first copy starts with
    /// the MSBuild node number (<c>1&gt;</c>).
    /// </summary>
    public static IReadOnlyList<BuildDiagnostic> ParseAll(string output) =>
        output.Split('\n')
            .Select(line => DiagnosticLine().Match(line.Trim()))
            .Where(match => match.Success)
            .Select(match => new BuildDiagnostic(
                match.Groups["path"].Value.Trim(),
                int.Parse(match.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture),
                int.Parse(match.Groups["column"].Value, System.Globalization.CultureInfo.InvariantCulture),
                match.Groups["severity"].Value,
                match.Groups["id"].Value,
                match.Groups["message"].Value))
            .Distinct()
            .ToList();

    [GeneratedRegex(@"^(?:\d+>)?(?<path>[^\s(][^(]*)\((?<line>\d+),(?<column>\d+)\): (?<severity>warning|error) (?<id>[A-Za-z]+\d+): (?<message>.*?)(?: \[[^\]]+\])?$")]
    private static partial Regex DiagnosticLine();
}
