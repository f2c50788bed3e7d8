using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis.Testing;

namespace HipaaDev.Analyzers.Tests.Infrastructure;

/// <summary>A span marked with the rule expected there, <c>{|HIPAA001:text|}</c>, given the numbered marker <see cref="Key"/>.</summary>
internal sealed record RuleMarker(string RuleId, int Key, string Text);

/// <summary>
/// Lets a long sample state its expectations in place: every <c>{|HIPAA00n:...|}</c> becomes a numbered marker
/// <c>{|#k:...|}</c> (in order, from <c>firstKey</c>) and the caller turns each into a full <see cref="Expect"/>
/// result, so the rule is read from the code and the PHI source is still checked.
/// </summary>
internal static partial class RuleMarkup
{
    public static (string Source, DiagnosticResult[] Expected) Expand(string source, int firstKey, Func<RuleMarker, DiagnosticResult> expect)
    {
        var expected = new List<DiagnosticResult>();
        var result = RuleMarkerPattern().Replace(source, match =>
        {
            var marker = new RuleMarker(match.Groups["id"].Value, firstKey + expected.Count, match.Groups["text"].Value);
            expected.Add(expect(marker));
            return $"{{|#{marker.Key}:{marker.Text}|}}";
        });

        if (expected.Count == 0)
        {
            throw new ArgumentException("The source marks no expected diagnostic with {|HIPAA00n:...|}.", nameof(source));
        }

        // A rule marker left over (one holding another marker) would become an expectation without its source check.
        if (result.Contains("{|HIPAA", StringComparison.Ordinal))
        {
            throw new ArgumentException("A {|HIPAA00n:...|} marker holds another marker; keep rule markers flat.", nameof(source));
        }

        return (result, expected.ToArray());
    }

    // The marked text may not hold another marker: the samples keep rule markers flat.
    [GeneratedRegex(@"\{\|(?<id>HIPAA\d{3}):(?<text>(?:(?!\{\||\|\}).)*)\|\}", RegexOptions.Singleline)]
    private static partial Regex RuleMarkerPattern();
}
