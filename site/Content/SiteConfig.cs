using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace HipaaDev.Site.Content;

/// <summary>Site-wide settings from <c>site/site.yml</c>. Every key is required; unknown keys fail the build.</summary>
public sealed record SiteConfig
{
    /// <summary>The site's name, shown in the header and in every page title.</summary>
    public string Title { get; init; } = string.Empty;

    /// <summary>One sentence about the site for the home page's social preview and the feed.</summary>
    public string Tagline { get; init; } = string.Empty;

    /// <summary>The published origin without a trailing slash, used for canonical URLs, the sitemap and the feed.</summary>
    public string BaseUrl { get; init; } = string.Empty;

    /// <summary>Prefix of "Edit this page" links; the file's repository path is appended.</summary>
    public string EditBaseUrl { get; init; } = string.Empty;

    /// <summary>The language of the content (the <c>lang</c> attribute).</summary>
    public string Language { get; init; } = "en";

    /// <summary>Who publishes the guidance (JSON-LD publisher and feed author).</summary>
    public string Publisher { get; init; } = string.Empty;

    public static SiteConfig Load(string path, string displayPath, List<BuildDiagnostic> diagnostics)
    {
        if (!File.Exists(path))
        {
            diagnostics.Add(new BuildDiagnostic(displayPath, 1, "The site configuration file is missing.",
                "Create it with title, tagline, base_url, edit_base_url, language and publisher."));
            return new SiteConfig();
        }

        var deserializer = new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).Build();
        SiteConfig config;
        try
        {
            var (text, invalidLine) = StrictUtf8.Decode(File.ReadAllBytes(path));
            if (text is null)
            {
                diagnostics.Add(new BuildDiagnostic(displayPath, invalidLine, "The site configuration is not valid UTF-8 (an invalid byte sequence is on this line).", "Save the file as UTF-8."));
                return new SiteConfig();
            }

            config = deserializer.Deserialize<SiteConfig>(text) ?? new SiteConfig();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            diagnostics.Add(new BuildDiagnostic(displayPath, 0, $"The site configuration could not be read: {exception.Message}", "Check that the file is readable."));
            return new SiteConfig();
        }
        catch (YamlException exception)
        {
            diagnostics.Add(new BuildDiagnostic(displayPath, (int)exception.Start.Line, $"Invalid site configuration: {exception.InnerException?.Message ?? exception.Message}",
                "Use only the documented keys (title, tagline, base_url, edit_base_url, language, publisher) as 'key: value' lines."));
            return new SiteConfig();
        }

        foreach (var (key, value) in new[] { ("title", config.Title), ("tagline", config.Tagline), ("base_url", config.BaseUrl), ("edit_base_url", config.EditBaseUrl), ("publisher", config.Publisher) })
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                diagnostics.Add(new BuildDiagnostic(displayPath, 1, $"'{key}' is missing from the site configuration.", $"Add '{key}: ...'."));
            }
        }

        if (!Uri.TryCreate(config.BaseUrl, UriKind.Absolute, out _) || config.BaseUrl.EndsWith('/'))
        {
            diagnostics.Add(new BuildDiagnostic(displayPath, 1, $"base_url '{config.BaseUrl}' is not an absolute URL without a trailing slash.", "Write e.g. 'base_url: https://hipaadev.netlify.app'."));
        }

        return config;
    }

    public string AbsoluteUrl(string sitePath) => BaseUrl + sitePath;
}
