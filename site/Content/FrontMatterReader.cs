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
        private readonly FrontMatterValueReader _values = new(displayPath, diagnostics);

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
                    case FrontMatterKeys.Title: title = _values.RequiredText(key, value); break;
                    case FrontMatterKeys.Description: description = _values.RequiredText(key, value); break;
                    case FrontMatterKeys.Summary: summary = _values.RequiredText(key, value); break;
                    case FrontMatterKeys.NavTitle: navTitle = _values.RequiredText(key, value); break;
                    case FrontMatterKeys.Kind: kind = _values.ReadKind(value); break;
                    case FrontMatterKeys.Order: order = _values.ReadInteger(key, value); break;
                    case FrontMatterKeys.LastReviewed: lastReviewed = _values.ReadDate(key, value); break;
                    case FrontMatterKeys.Audience: audience = _values.ReadTextList(key, value); break;
                    case FrontMatterKeys.Related: related = _values.ReadSitePaths(key, value, allowFragment: true); break;
                    case FrontMatterKeys.RedirectFrom: redirectFrom = _values.ReadSitePaths(key, value, allowFragment: false); break;
                    case FrontMatterKeys.Sources: sources = _values.ReadSources(value); break;
                    case FrontMatterKeys.Cta: cta = _values.ReadCallToAction(value); break;
                    case FrontMatterKeys.Draft: draft = _values.ReadBoolean(key, value); break;
                    default:
                        Error(keyNode.Start, $"Unknown front matter key '{key}'.", UnknownKeyHint.Fix(key, FrontMatterKeys.All));
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

        private static string KindList => FrontMatterValueReader.KindList;

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
    }
}
