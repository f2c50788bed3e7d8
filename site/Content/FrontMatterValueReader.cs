using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace HipaaDev.Site.Content;

/// <summary>
/// Reads one front matter value of a known type (text, date, list, site paths, sources, call to action). A value
/// that does not fit is reported at its own line and read as absent, so every problem of a file shows in one pass.
/// </summary>
internal sealed class FrontMatterValueReader(string displayPath, List<BuildDiagnostic> diagnostics)
{
    public static string KindList => string.Join(", ", Enum.GetValues<PageKind>().Select(k => k.ToKey()));

    // The YAML starts on the file's second line; YamlDotNet's marks are 1-based.
    private void Error(Mark at, string message, string fix) =>
        diagnostics.Add(new BuildDiagnostic(displayPath, (int)at.Line + 1, message, fix));

    public string? RequiredText(string key, YamlNode value)
    {
        if (value is YamlScalarNode scalar && !string.IsNullOrWhiteSpace(scalar.Value))
        {
            return scalar.Value.Trim();
        }

        Error(value.Start, $"'{key}' must be non-empty text.", $"Write the text after '{key}: ' on the same line (quote it if it contains ': ').");
        return null;
    }

    public PageKind? ReadKind(YamlNode value)
    {
        var text = (value as YamlScalarNode)?.Value;
        foreach (var kind in Enum.GetValues<PageKind>())
        {
            if (string.Equals(kind.ToKey(), text, StringComparison.Ordinal))
            {
                return kind;
            }
        }

        Error(value.Start, $"'{text}' is not a page kind.", $"Use one of: {KindList}.");
        return null;
    }

    public int? ReadInteger(string key, YamlNode value)
    {
        if (value is YamlScalarNode scalar && int.TryParse(scalar.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        Error(value.Start, $"'{key}' must be a whole number.", $"Write e.g. '{key}: 10' (lower numbers come first in navigation).");
        return null;
    }

    public DateOnly? ReadDate(string key, YamlNode value)
    {
        var text = (value as YamlScalarNode)?.Value;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        Error(value.Start, $"'{key}' value '{text}' is not a date in the form YYYY-MM-DD.", $"Write a real calendar date, e.g. '{key}: 2025-01-31'.");
        return null;
    }

    public bool ReadBoolean(string key, YamlNode value)
    {
        var text = (value as YamlScalarNode)?.Value;
        if (text is "true" or "false")
        {
            return text == "true";
        }

        Error(value.Start, $"'{key}' must be true or false.", $"Write '{key}: true' or remove the key.");
        return false;
    }

    public IReadOnlyList<string> ReadTextList(string key, YamlNode value)
    {
        if (value is not YamlSequenceNode sequence)
        {
            Error(value.Start, $"'{key}' must be a list.", $"Write '{key}: [First, Second]' or one '- item' line per entry.");
            return [];
        }

        var items = new List<string>();
        foreach (var item in sequence.Children)
        {
            if (item is YamlScalarNode { Value: { } text } && !string.IsNullOrWhiteSpace(text))
            {
                items.Add(text.Trim());
            }
            else
            {
                Error(item.Start, $"Every entry of '{key}' must be non-empty text.", "Remove the empty or nested entry.");
            }
        }

        return items;
    }

    /// <summary>
    /// Site paths in the strict grammar of <see cref="SitePaths.IsSitePath"/>. Entries are read untrimmed, so
    /// whitespace or a line break inside a quoted value is refused rather than written into <c>_redirects</c>.
    /// </summary>
    public IReadOnlyList<string> ReadSitePaths(string key, YamlNode value, bool allowFragment)
    {
        if (value is not YamlSequenceNode sequence)
        {
            Error(value.Start, $"'{key}' must be a list.", $"Write '{key}: [/first/path/, /second/path/]' or one '- /path/' line per entry.");
            return [];
        }

        var paths = new List<string>();
        foreach (var item in sequence.Children)
        {
            var text = (item as YamlScalarNode)?.Value ?? string.Empty;
            if (SitePaths.IsSitePath(text, allowFragment))
            {
                paths.Add(text);
                continue;
            }

            var example = allowFragment ? "/guidance/email-and-text-rules/ or /guidance/email-and-text-rules/#key-lessons" : "/old/email-rules/";
            Error(item.Start, $"'{SitePaths.Printable(text)}' in '{key}' is not a site path.",
                $"Write a path that starts and ends with '/', with lower-case letters, digits, '-', '_' or '.' between the slashes{(allowFragment ? " and an optional #anchor" : " (no #anchor)")}, e.g. {example}.");
        }

        return paths;
    }

    public IReadOnlyList<SourceReference> ReadSources(YamlNode value)
    {
        if (value is not YamlSequenceNode sequence)
        {
            Error(value.Start, "'sources' must be a list of sources.", "Write one '- title: ...' entry per source, with 'cite:' and/or 'url:' under it.");
            return [];
        }

        var sources = new List<SourceReference>();
        foreach (var item in sequence.Children)
        {
            if (item is not YamlMappingNode mapping)
            {
                Error(item.Start, "Each source must have 'title:' and a 'cite:' or 'url:'.", "Write '- title: ...' and indent 'cite: 45 CFR ...' under it.");
                continue;
            }

            var fields = ReadMapping(mapping, "source", FrontMatterKeys.SourceKeys);
            if (!fields.TryGetValue("title", out var title))
            {
                Error(mapping.Start, "A source has no 'title'.", "Add 'title:' with the document's name.");
                continue;
            }

            sources.Add(new SourceReference(title, fields.GetValueOrDefault("cite"), fields.GetValueOrDefault("url"), fields.GetValueOrDefault("date")));
        }

        return sources;
    }

    public CallToAction? ReadCallToAction(YamlNode value)
    {
        if (value is not YamlMappingNode mapping)
        {
            Error(value.Start, "'cta' must have 'text', 'label' and 'link' under it.", "Indent 'text:', 'label:' and 'link:' under 'cta:'.");
            return null;
        }

        var fields = ReadMapping(mapping, "cta", FrontMatterKeys.CtaKeys);
        var missing = FrontMatterKeys.CtaKeys.Where(k => !fields.ContainsKey(k)).ToList();
        if (missing.Count > 0)
        {
            Error(mapping.Start, $"'cta' is missing {string.Join(", ", missing.Select(k => $"'{k}'"))}.", "A call to action needs 'text', 'label' and 'link'.");
            return null;
        }

        if (!SitePaths.IsSitePath(fields["link"], allowFragment: true))
        {
            Error(mapping.Start, $"'cta' link '{SitePaths.Printable(fields["link"])}' is not a site path.",
                "Write a path that starts and ends with '/', with lower-case letters, digits, '-', '_' or '.' between the slashes, e.g. /tools/channel-decision/.");
            return null;
        }

        return new CallToAction(fields["text"], fields["label"], fields["link"]);
    }

    private Dictionary<string, string> ReadMapping(YamlMappingNode mapping, string what, IReadOnlyList<string> allowed)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? string.Empty;
            if (!allowed.Contains(key))
            {
                Error(keyNode.Start, $"Unknown key '{key}' in a {what}.", UnknownKeyHint.Fix(key, allowed));
            }
            else if (valueNode is YamlScalarNode { Value: { } text } && !string.IsNullOrWhiteSpace(text))
            {
                fields[key] = text.Trim();
            }
            else
            {
                Error(valueNode.Start, $"'{key}' in a {what} must be non-empty text.", $"Write the text after '{key}: '.");
            }
        }

        return fields;
    }
}
