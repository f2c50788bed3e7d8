using AngleSharp.Html.Parser;
using HipaaDev.Site.Tests.Fixtures;
using Tomlyn;
using Tomlyn.Model;
using Tomlyn.Parsing;

namespace HipaaDev.Site.Tests;

/// <summary>netlify.toml: valid TOML without duplicate keys, the right build, and a CSP the generated pages satisfy.</summary>
public sealed class NetlifyConfigTests
{
    private static readonly string s_path = Path.Combine(RealRepository.Root, "netlify.toml");

    private static TomlTable Load()
    {
        var text = File.ReadAllText(s_path);
        // The model API accepts duplicate keys silently; the syntax parser with validation reports them.
        var syntax = SyntaxParser.Parse(text, "netlify.toml", validate: true);
        Assert.False(syntax.Diagnostics.HasErrors, "netlify.toml: " + string.Join('\n', syntax.Diagnostics));
        return TomlSerializer.Deserialize<TomlTable>(text)!;
    }

    private static TomlTable HeadersFor(string path) =>
        ((TomlTableArray)Load()["headers"]).Single(h => (string)h["for"] == path);

    private static string ContentSecurityPolicy => (string)((TomlTable)HeadersFor("/*")["values"])["Content-Security-Policy"];

    [Fact]
    public void SyntaxParser_ReportsDuplicateKeys()
    {
        var syntax = SyntaxParser.Parse("[build]\npublish = \"a\"\npublish = \"b\"\n", "duplicate.toml", validate: true);
        Assert.True(syntax.Diagnostics.HasErrors);
    }

    [Fact]
    public void Build_InstallsDotnetThenPagefindThenRunsTheGenerator()
    {
        var build = (TomlTable)Load()["build"];
        var command = (string)build["command"];

        Assert.Equal("site/output", build["publish"]);
        var install = command.IndexOf("dotnet-install.sh\" --jsonfile global.json --install-dir", StringComparison.Ordinal);
        var npm = command.IndexOf("(cd site && npm ci --ignore-scripts", StringComparison.Ordinal);
        var publish = command.IndexOf("dotnet publish site --configuration Release --output site/bin/generator", StringComparison.Ordinal);
        var generator = command.IndexOf("dotnet site/bin/generator/HipaaDev.Site.dll build", StringComparison.Ordinal);
        Assert.True(install >= 0 && npm > install && publish > npm && generator > publish, command);
        Assert.DoesNotContain('\n', command.Trim());
    }

    /// <summary>The SDK Netlify installs is the one global.json pins, not whatever the channel's newest is.</summary>
    [Fact]
    public void Build_InstallsTheSdkVersionThatGlobalJsonPins()
    {
        var command = (string)((TomlTable)Load()["build"])["command"];
        using var globalJson = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(RealRepository.Root, "global.json")));

        Assert.Matches(@"^\d+\.\d+\.\d+$", globalJson.RootElement.GetProperty("sdk").GetProperty("version").GetString());
        Assert.Contains("--jsonfile global.json", command);
        Assert.DoesNotContain("--channel", command);
        Assert.DoesNotContain("--version latest", command);
    }

    /// <summary>
    /// NODE_VERSION names a Node.js LTS line that is still supported. End-of-life dates from the Node.js release
    /// schedule; a line missing here fails the test until its dates are added.
    /// </summary>
    [Fact]
    public void Build_UsesASupportedNodeLts()
    {
        var endOfLife = new Dictionary<string, DateOnly>
        {
            ["20"] = new(2026, 4, 30),
            ["22"] = new(2027, 4, 30),
            ["24"] = new(2028, 4, 30),
        };
        var version = (string)((TomlTable)((TomlTable)Load()["build"])["environment"])["NODE_VERSION"];

        Assert.True(endOfLife.TryGetValue(version, out var end), $"NODE_VERSION {version} is not a known LTS line.");
        Assert.True(end > DateOnly.FromDateTime(DateTime.UtcNow), $"Node.js {version} reached its end of life on {end:yyyy-MM-dd}.");
    }

    [Fact]
    public void SecurityHeaders_AreSetForEveryPath()
    {
        var values = (TomlTable)HeadersFor("/*")["values"];

        Assert.Equal("nosniff", values["X-Content-Type-Options"]);
        Assert.StartsWith("max-age=", (string)values["Strict-Transport-Security"]);
        Assert.True(values.ContainsKey("Referrer-Policy"));
        Assert.True(values.ContainsKey("Permissions-Policy"));
        Assert.Equal("same-origin", values["Cross-Origin-Resource-Policy"]);
        Assert.Equal("same-origin", values["Cross-Origin-Opener-Policy"]);
        Assert.False(values.ContainsKey("Cache-Control"), "Only fingerprinted assets may be cached long.");
    }

    [Fact]
    public void ContentSecurityPolicy_IsStrict()
    {
        var directives = ContentSecurityPolicy.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .ToDictionary(d => d.Split(' ')[0], d => d);

        Assert.Equal("default-src 'none'", directives["default-src"]);
        Assert.Equal("script-src 'self' 'wasm-unsafe-eval'", directives["script-src"]);
        Assert.Equal("style-src 'self'", directives["style-src"]);
        Assert.Equal("img-src 'self' data:", directives["img-src"]);
        Assert.Equal("connect-src 'self'", directives["connect-src"]);
        Assert.Equal("worker-src 'self'", directives["worker-src"]);
        Assert.Equal("frame-ancestors 'none'", directives["frame-ancestors"]);
        Assert.Equal("base-uri 'none'", directives["base-uri"]);
        Assert.Equal("form-action 'self'", directives["form-action"]);
        Assert.DoesNotContain(directives.Values, d => d.Contains('*', StringComparison.Ordinal) || d.Contains("http", StringComparison.Ordinal));
        Assert.DoesNotContain("unsafe-inline", ContentSecurityPolicy);
        Assert.DoesNotContain("'unsafe-eval'", ContentSecurityPolicy);
    }

    [Fact]
    public void FingerprintedAssets_AreCachedAsImmutable()
    {
        var values = (TomlTable)HeadersFor("/assets/*")["values"];
        Assert.Contains("immutable", (string)values["Cache-Control"]);
        Assert.Contains("max-age=31536000", (string)values["Cache-Control"]);
    }

    /// <summary>
    /// The immutable rule covers /assets/ and nothing else, and a build puts nothing in /assets/ but the files
    /// AssetPipeline fingerprints: a changed file there always has a new name.
    /// </summary>
    [Fact]
    public async Task ImmutableCaching_CoversExactlyTheFingerprintedFiles()
    {
        var cached = ((TomlTableArray)Load()["headers"])
            .Where(rule => ((TomlTable)rule["values"]).TryGetValue("Cache-Control", out var value) && ((string)value).Contains("immutable", StringComparison.Ordinal))
            .Select(rule => (string)rule["for"]);
        Assert.Equal(["/" + Publishing.AssetPipeline.FingerprintedFolder + "/*"], cached);

        using var site = new TestSite();
        await site.BuildSuccessfullyAsync();
        var assets = Directory.EnumerateFiles(Path.Combine(site.OutputFolder, Publishing.AssetPipeline.FingerprintedFolder), "*", SearchOption.AllDirectories).ToList();
        Assert.NotEmpty(assets);
        Assert.All(assets, file =>
        {
            var name = Path.GetRelativePath(Path.Combine(site.OutputFolder, Publishing.AssetPipeline.FingerprintedFolder), file);
            var match = System.Text.RegularExpressions.Regex.Match(name, @"\A[a-z0-9-]+\.([0-9a-f]{12})\.(css|js)\z");
            Assert.True(match.Success, $"{name} in /assets/ is not a fingerprinted name");
            Assert.Equal(match.Groups[1].Value, Publishing.AssetPipeline.Fingerprint(File.ReadAllBytes(file)));
        });
    }

    [Fact]
    public void UnknownPaths_Get404Html()
    {
        var redirect = ((TomlTableArray)Load()["redirects"]).Single();
        Assert.Equal("/*", redirect["from"]);
        Assert.Equal("/404.html", redirect["to"]);
        Assert.Equal(404L, Convert.ToInt64(redirect["status"], System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>The real content, built without search: every page must work under the policy above.</summary>
    [Fact]
    public async Task RealPages_LoadOnlyLocalScriptsAndStylesAndNothingInline()
    {
        Assert.Contains("script-src 'self' 'wasm-unsafe-eval'", ContentSecurityPolicy);
        var output = Path.Combine(Path.GetTempPath(), "hipaadev-site-tests", Guid.NewGuid().ToString("N"));
        try
        {
            var options = SiteBuildOptions.ForRepository(RealRepository.Root) with { OutputFolder = output, BuildSearchIndex = false };
            var result = await SiteBuilder.BuildAsync(options);
            Assert.True(result.Succeeded, "The real site does not build:\n" + string.Join('\n', result.Diagnostics));

            var parser = new HtmlParser();
            foreach (var file in Directory.EnumerateFiles(output, "*.html", SearchOption.AllDirectories))
            {
                var document = parser.ParseDocument(File.ReadAllText(file));
                foreach (var script in document.QuerySelectorAll("script"))
                {
                    var src = script.GetAttribute("src");
                    Assert.True(src is not null ? IsLocal(src) : script.GetAttribute("type") == "application/ld+json", $"{file}: {script.OuterHtml[..Math.Min(120, script.OuterHtml.Length)]}");
                }

                Assert.All(document.QuerySelectorAll("link[rel='stylesheet']"), link => Assert.True(IsLocal(link.GetAttribute("href")!), file));
                Assert.Empty(document.QuerySelectorAll("style, [style]"));
                Assert.DoesNotContain(document.All.SelectMany(e => e.Attributes), a => a.Name.StartsWith("on", StringComparison.Ordinal));
                Assert.All(document.QuerySelectorAll("iframe, object, embed"), e => Assert.Fail($"{file}: {e.LocalName} is blocked by the policy"));
            }
        }
        finally
        {
            if (Directory.Exists(output))
            {
                Directory.Delete(output, recursive: true);
            }
        }
    }

    private static bool IsLocal(string url) => url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal);
}
