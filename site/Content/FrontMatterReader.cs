using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace HipaaDev.Site.Content;

/// <summary>
/// Reads the YAML front matter of a Markdown file into a <see cref="FrontMatter"/> and reports every problem
/// with the line of the offending key, so an author can fix them all in one pass.
/// </summary>
public static class FrontMatterReader
{
    private const string Fence = "---";

    /// <summary>The result of reading: the front matter (null when it cannot be used) and the problems found.</summary>
    public sealed record Result(FrontMatter? FrontMatter, IReadOnlyList<BuildDiagnostic> Diagnostics);

    public static Result Read(string text, string displayPath)
    {
        var diagnostics = new List<BuildDiagnostic>();
        var lines = text.Split('\n');
        if (lines.Length == 0 || lines[0].TrimEnd('\r', ' ') != Fence)
        {
            diagnostics.Add(new BuildDiagnostic(displayPath, 1, "The file does not start with front matter.",
                "Put a '---' line first, then the keys (title, description, kind, ...), then another '---' line."));
            return new Result(null, diagnostics);
        }

        var closing = Array.FindIndex(lines, 1, line => line.TrimEnd('\r', ' ') is Fence or "...");
        if (closing < 0)
        {
            diagnostics.Add(new BuildDiagnostic(displayPath, 1, "The front matter has no closing '---' line.",
                "Add a line with only '---' after the last front matter key."));
            return new Result(null, diagnostics);
        }

        var yaml = string.Join('\n', lines[1..closing]);
        var reader = new Reader(displayPath, diagnostics);
        var frontMatter = reader.Parse(yaml);
        return new Result(diagnostics.Count == 0 ? frontMatter : null, diagnostics);
    }

    private sealed class Reader(string displayPath, List<BuildDiagnostic> diagnostics)
    {
        // The YAML starts on the file's second line; YamlDotNet's marks are 1-based.
        private static int FileLine(Mark mark) => (int)mark.Line + 1;

        private void Error(Mark at, string message, string fix) =>
            diagnostics.Add(new BuildDiagnostic(displayPath, FileLine(at), message, fix));

        public FrontMatter? Parse(string yaml)
        {
            var stream = new YamlStream();
            try
            {
                stream.Load(new StringReader(yaml));
            }
            catch (YamlException exception)
            {
                var reason = exception.InnerException?.Message ?? exception.Message;
                Error(exception.Start, $"The front matter is not valid YAML: {reason}",
                    "Check indentation and quoting on this line; quote values that contain ': ' or start with a special character.");
                return null;
            }
            catch (InvalidOperationException)
            {
                // YamlDotNet fails this way, without a position, on some unclosed flow collections ("[a, b").
                diagnostics.Add(new BuildDiagnostic(displayPath, LikelyBrokenLine(yaml) + 1, "The front matter is not valid YAML: a list or quote is not closed.",
                    "Close the '[' with ']' (or the '{' with '}', or the quote) on the same line."));
                return null;
            }

            if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
            {
                var at = stream.Documents.Count > 0 ? stream.Documents[0].RootNode.Start : Mark.Empty;
                Error(at, "The front matter is not a list of 'key: value' lines.",
                    "Write each setting as 'key: value' on its own line.");
                return null;
            }

            var keyLines = new Dictionary<string, int>(StringComparer.Ordinal);
            string? title = null, description = null, summary = null, navTitle = null;
            PageKind? kind = null;
            int? order = null;
            DateOnly? lastReviewed = null;
            IReadOnlyList<string> audience = [], related = [], redirectFrom = [];
            IReadOnlyList<SourceReference> sources = [];
            CallToAction? cta = null;
            var draft = false;

            foreach (var (keyNode, value) in root.Children)
            {
                var key = (keyNode as YamlScalarNode)?.Value ?? string.Empty;
                keyLines[key] = FileLine(keyNode.Start);
                switch (key)
                {
                    case FrontMatterKeys.Title: title = RequiredText(key, value); break;
                    case FrontMatterKeys.Description: description = RequiredText(key, value); break;
                    case FrontMatterKeys.Summary: summary = RequiredText(key, value); break;
                    case FrontMatterKeys.NavTitle: navTitle = RequiredText(key, value); break;
                    case FrontMatterKeys.Kind: kind = ReadKind(value); break;
                    case FrontMatterKeys.Order: order = ReadInteger(key, value); break;
                    case FrontMatterKeys.LastReviewed: lastReviewed = ReadDate(key, value); break;
                    case FrontMatterKeys.Audience: audience = ReadTextList(key, value); break;
                    case FrontMatterKeys.Related: related = ReadSitePaths(key, value, allowFragment: true); break;
                    case FrontMatterKeys.RedirectFrom: redirectFrom = ReadSitePaths(key, value, allowFragment: false); break;
                    case FrontMatterKeys.Sources: sources = ReadSources(value); break;
                    case FrontMatterKeys.Cta: cta = ReadCallToAction(value); break;
                    case FrontMatterKeys.Draft: draft = ReadBoolean(key, value); break;
                    default:
                        Error(keyNode.Start, $"Unknown front matter key '{key}'.", UnknownKeyFix(key, FrontMatterKeys.All));
                        break;
                }
            }

            if (description is { Length: > FrontMatterKeys.DescriptionMaxLength })
            {
                Error(At(root, FrontMatterKeys.Description),
                    $"The description is {description.Length} characters; search results and previews cut it after {FrontMatterKeys.DescriptionMaxLength}.",
                    "Shorten it to one sentence of at most 160 characters.");
            }

            RequirePresent(root, keyLines, FrontMatterKeys.Title, title, "the page title, shown as its heading");
            RequirePresent(root, keyLines, FrontMatterKeys.Description, description, "one sentence for search results");
            RequirePresent(root, keyLines, FrontMatterKeys.Kind, kind, "one of: " + KindList);

            if (kind is { } pageKind)
            {
                if (pageKind.IsGuidance())
                {
                    var why = $"{pageKind.ToKey()} pages are guidance";
                    RequirePresent(root, keyLines, FrontMatterKeys.Summary, summary, $"the point in two sentences ({why})");
                    RequirePresent(root, keyLines, FrontMatterKeys.Audience, audience.Count > 0 ? audience : null, $"who the page is for, e.g. [Practice managers] ({why})");
                    RequirePresent(root, keyLines, FrontMatterKeys.LastReviewed, lastReviewed, $"the review date as YYYY-MM-DD ({why})");
                    RequirePresent(root, keyLines, FrontMatterKeys.Sources, sources.Count > 0 ? sources : null, $"the regulations and HHS documents the page rests on ({why})");
                }
                else if (pageKind == PageKind.Rule)
                {
                    RequirePresent(root, keyLines, FrontMatterKeys.LastReviewed, lastReviewed, "the review date as YYYY-MM-DD (rule pages carry one)");
                }
            }

            if (title is null || description is null || kind is null)
            {
                return null;
            }

            return new FrontMatter
            {
                Title = title,
                Description = description,
                Kind = kind.Value,
                Summary = summary,
                Order = order,
                NavTitle = navTitle,
                Audience = audience,
                LastReviewed = lastReviewed,
                Sources = sources,
                Related = related,
                RedirectFrom = redirectFrom,
                Cta = cta,
                Draft = draft,
                KeyLines = keyLines,
            };
        }

        /// <summary>The 1-based YAML line of the first unbalanced bracket or quote, else 1.</summary>
        private static int LikelyBrokenLine(string yaml)
        {
            var lines = yaml.Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                var line = lines[i];
                var quotes = line.Count(c => c == '"');
                if (line.Count(c => c == '[') != line.Count(c => c == ']') || line.Count(c => c == '{') != line.Count(c => c == '}') || quotes % 2 == 1)
                {
                    return i + 1;
                }
            }

            return 1;
        }

        private static string KindList => string.Join(", ", Enum.GetValues<PageKind>().Select(k => k.ToKey()));

        private static Mark At(YamlMappingNode root, string key) =>
            root.Children.Keys.FirstOrDefault(k => (k as YamlScalarNode)?.Value == key)?.Start ?? root.Start;

        private void RequirePresent(YamlMappingNode root, Dictionary<string, int> keyLines, string key, object? value, string meaning)
        {
            if (value is not null)
            {
                return;
            }

            // A key that is present but invalid has already been reported at its own line.
            if (keyLines.ContainsKey(key))
            {
                return;
            }

            diagnostics.Add(new BuildDiagnostic(displayPath, FileLine(root.Start), $"Required front matter key '{key}' is missing.",
                $"Add '{key}: ...' to the front matter: {meaning}."));
        }

        private string? RequiredText(string key, YamlNode value)
        {
            if (value is YamlScalarNode scalar && !string.IsNullOrWhiteSpace(scalar.Value))
            {
                return scalar.Value.Trim();
            }

            Error(value.Start, $"'{key}' must be non-empty text.", $"Write the text after '{key}: ' on the same line (quote it if it contains ': ').");
            return null;
        }

        private PageKind? ReadKind(YamlNode value)
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

        private int? ReadInteger(string key, YamlNode value)
        {
            if (value is YamlScalarNode scalar && int.TryParse(scalar.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
            {
                return number;
            }

            Error(value.Start, $"'{key}' must be a whole number.", $"Write e.g. '{key}: 10' (lower numbers come first in navigation).");
            return null;
        }

        private DateOnly? ReadDate(string key, YamlNode value)
        {
            var text = (value as YamlScalarNode)?.Value;
            if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return date;
            }

            Error(value.Start, $"'{key}' value '{text}' is not a date in the form YYYY-MM-DD.", $"Write a real calendar date, e.g. '{key}: 2025-01-31'.");
            return null;
        }

        private bool ReadBoolean(string key, YamlNode value)
        {
            var text = (value as YamlScalarNode)?.Value;
            if (text is "true" or "false")
            {
                return text == "true";
            }

            Error(value.Start, $"'{key}' must be true or false.", $"Write '{key}: true' or remove the key.");
            return false;
        }

        private IReadOnlyList<string> ReadTextList(string key, YamlNode value)
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
        private IReadOnlyList<string> ReadSitePaths(string key, YamlNode value, bool allowFragment)
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

        private IReadOnlyList<SourceReference> ReadSources(YamlNode value)
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

        private CallToAction? ReadCallToAction(YamlNode value)
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
                    Error(keyNode.Start, $"Unknown key '{key}' in a {what}.", UnknownKeyFix(key, allowed));
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

        private static string UnknownKeyFix(string key, IReadOnlyList<string> allowed)
        {
            // A near spelling ("last_reviewd") or a longer form of the same word ("citation" for "cite").
            var closest = allowed.MinBy(candidate => EditDistance(key, candidate));
            var sharedStart = key.Length >= 3 ? allowed.FirstOrDefault(candidate => candidate.StartsWith(key[..3], StringComparison.OrdinalIgnoreCase)) : null;
            var match = closest is not null && EditDistance(key, closest) <= Math.Max(2, key.Length / 2) ? closest : sharedStart;
            var suggestion = match is not null ? $"Did you mean '{match}'? " : string.Empty;
            return $"{suggestion}Allowed keys: {string.Join(", ", allowed)}.";
        }

        private static int EditDistance(string a, string b)
        {
            var previous = Enumerable.Range(0, b.Length + 1).ToArray();
            for (var i = 1; i <= a.Length; i++)
            {
                var current = new int[b.Length + 1];
                current[0] = i;
                for (var j = 1; j <= b.Length; j++)
                {
                    var substitution = previous[j - 1] + (char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 1]) ? 0 : 1);
                    current[j] = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), substitution);
                }

                previous = current;
            }

            return previous[b.Length];
        }
    }
}
