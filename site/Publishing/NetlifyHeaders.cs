using System.Text.RegularExpressions;
using Tomlyn;
using Tomlyn.Model;
using Tomlyn.Parsing;

namespace HipaaDev.Site.Publishing;

/// <summary>
/// The response headers production sends, read from netlify.toml, so the preview server serves pages under the same
/// Content-Security-Policy and security headers without a second copy of them.
/// </summary>
public static class NetlifyHeaders
{
    public static IReadOnlyList<HeaderRule> Load(string netlifyConfigPath)
    {
        var text = File.ReadAllText(netlifyConfigPath);

        // The model API accepts duplicate keys silently; the syntax parser with validation reports them.
        var syntax = SyntaxParser.Parse(text, netlifyConfigPath, validate: true);
        if (syntax.Diagnostics.HasErrors)
        {
            throw new InvalidDataException($"{netlifyConfigPath} is not valid TOML:\n{string.Join('\n', syntax.Diagnostics)}");
        }

        var model = TomlSerializer.Deserialize<TomlTable>(text)!;
        if (!model.TryGetValue("headers", out var headers) || headers is not TomlTableArray rules)
        {
            return [];
        }

        return rules
            .Where(rule => rule.TryGetValue("for", out var path) && path is string && rule.TryGetValue("values", out var values) && values is TomlTable)
            .Select(rule =>
            {
                var path = (string)rule["for"];
                var values = ((TomlTable)rule["values"]).ToDictionary(pair => pair.Key, pair => Regex.Replace(Convert.ToString(pair.Value, System.Globalization.CultureInfo.InvariantCulture)!, @"\s+", " ").Trim(), StringComparer.OrdinalIgnoreCase);
                return new HeaderRule(path, PatternFor(path), values);
            })
            .ToList();
    }

    /// <summary>The headers for <paramref name="path"/>: every matching rule, later rules winning, as Netlify merges them.</summary>
    public static Dictionary<string, string> For(IReadOnlyList<HeaderRule> rules, string path)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var rule in rules.Where(rule => rule.Pattern.IsMatch(path)))
        {
            foreach (var (name, value) in rule.Values)
            {
                headers[name] = value;
            }
        }

        return headers;
    }

    /// <summary>Netlify's path patterns: '*' matches anything (slashes included), ':name' one path segment.</summary>
    private static Regex PatternFor(string path)
    {
        var pattern = Regex.Replace(Regex.Escape(path).Replace(@"\*", ".*", StringComparison.Ordinal), ":[A-Za-z_][A-Za-z0-9_]*", "[^/]+");
        return new Regex(@"\A" + pattern + @"\z", RegexOptions.CultureInvariant);
    }
}
