using System.ServiceModel.Syndication;
using System.Text.Json;
using System.Xml;
using System.Xml.Linq;
using AngleSharp.Html.Parser;
using HipaaDev.Site.Publishing;
using HipaaDev.Site.Tests.Fixtures;

namespace HipaaDev.Site.Tests;

/// <summary>What a successful build publishes: files besides pages, structured data, assets, and the swap.</summary>
public sealed class OutputTests
{
    private static readonly XNamespace s_sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";

    [Fact]
    public async Task Redirects_ListEveryRedirectFromAsPermanent()
    {
        using var site = new TestSite();
        await site.BuildSuccessfullyAsync();

        var rules = site.ReadOutput("_redirects").Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => !l.StartsWith('#')).ToList();
        Assert.Equal(["/old/email/ /guidance/email-rules/ 301", "/email-rules/ /guidance/email-rules/ 301"], rules);
    }

    [Fact]
    public async Task Sitemap_IsValidXmlWithAbsoluteUrlsAndLastmodForEveryPage()
    {
        using var site = new TestSite();
        await site.BuildSuccessfullyAsync();

        var sitemap = XDocument.Parse(site.ReadOutput("sitemap.xml"));
        var urls = sitemap.Root!.Elements(s_sitemap + "url").ToList();
        Assert.Equal("urlset", sitemap.Root.Name.LocalName);
        Assert.Equal(8, urls.Count);
        Assert.All(urls, url =>
        {
            Assert.StartsWith("https://example.test/", url.Element(s_sitemap + "loc")!.Value);
            Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", url.Element(s_sitemap + "lastmod")!.Value);
        });

        string LastModified(string path) => urls.Single(u => u.Element(s_sitemap + "loc")!.Value == "https://example.test" + path).Element(s_sitemap + "lastmod")!.Value;
        Assert.Equal("2025-01-15", LastModified("/guidance/email-rules/"));
        Assert.Equal("2025-02-01", LastModified("/guidance/"));
        Assert.DoesNotContain(urls, u => u.Element(s_sitemap + "loc")!.Value.Contains("404"));
    }

    [Fact]
    public async Task Robots_PointsToTheSitemap()
    {
        using var site = new TestSite();
        await site.BuildSuccessfullyAsync();

        Assert.Contains("Sitemap: https://example.test/sitemap.xml", site.ReadOutput("robots.txt"));
    }

    [Fact]
    public async Task Feed_IsAtomWithReviewedPagesNewestFirst()
    {
        using var site = new TestSite();
        await site.BuildSuccessfullyAsync();

        using var reader = XmlReader.Create(Path.Combine(site.OutputFolder, "feed.xml"));
        var feed = SyndicationFeed.Load(reader);

        Assert.Equal(["HIPAA001: PHI reaches a message body", "Staff checklist before sending", "Email rules for practices"], feed.Items.Select(i => i.Title.Text));
        Assert.Equal(new DateTimeOffset(2025, 3, 1, 0, 0, 0, TimeSpan.Zero), feed.LastUpdatedTime);
        Assert.Equal("https://example.test/guidance/email-rules/", feed.Items.Last().Links.Single().Uri.ToString());
        Assert.Contains("http://www.w3.org/2005/Atom", File.ReadAllText(Path.Combine(site.OutputFolder, "feed.xml")));
    }

    [Fact]
    public async Task TopicPage_CarriesArticleFaqPageAndBreadcrumbJsonLd()
    {
        using var site = new TestSite();
        await site.BuildSuccessfullyAsync();

        var blocks = JsonLdBlocks(site.ReadOutput("guidance/email-rules/index.html"));
        Assert.Equal(["Article", "FAQPage", "BreadcrumbList"], blocks.Select(b => b.GetProperty("@type").GetString()));

        var article = blocks[0];
        Assert.Equal("Email rules for practices", article.GetProperty("headline").GetString());
        Assert.Equal("2025-01-15", article.GetProperty("dateModified").GetString());

        var questions = blocks[1].GetProperty("mainEntity").EnumerateArray().ToList();
        Assert.Equal(["Can we email patients at all?", "Do we need encryption?"], questions.Select(q => q.GetProperty("name").GetString()));
        Assert.Equal("Yes, with reasonable safeguards (see the checklist).", questions[0].GetProperty("acceptedAnswer").GetProperty("text").GetString());

        var crumbs = blocks[2].GetProperty("itemListElement").EnumerateArray().ToList();
        Assert.Equal([1, 2, 3], crumbs.Select(c => c.GetProperty("position").GetInt32()));
        Assert.Equal("https://example.test/guidance/email-rules/", crumbs[2].GetProperty("item").GetString());
    }

    [Fact]
    public async Task PageWithoutFaqs_HasNoFaqPage()
    {
        using var site = new TestSite();
        await site.BuildSuccessfullyAsync();

        var types = JsonLdBlocks(site.ReadOutput("guidance/staff-checklist/index.html")).Select(b => b.GetProperty("@type").GetString());
        Assert.Equal(["Article", "BreadcrumbList"], types);
    }

    [Fact]
    public async Task NoPage_CarriesInlineScriptStyleOrEventHandlers()
    {
        using var site = new TestSite();
        await site.BuildSuccessfullyAsync();

        var parser = new HtmlParser();
        var pages = site.OutputHtmlFiles().ToList();
        Assert.Equal(10, pages.Count);
        foreach (var file in pages)
        {
            var document = parser.ParseDocument(File.ReadAllText(file));
            Assert.All(document.QuerySelectorAll("script"), script =>
                Assert.True(script.HasAttribute("src") || script.GetAttribute("type") == "application/ld+json", $"{file}: inline script {script.OuterHtml}"));
            Assert.Empty(document.QuerySelectorAll("style"));
            Assert.Empty(document.QuerySelectorAll("[style]"));
            Assert.DoesNotContain(document.All.SelectMany(e => e.Attributes), a => a.Name.StartsWith("on", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task EveryPage_HasTheShellLandmarksAndOneDisclaimer()
    {
        using var site = new TestSite();
        await site.BuildSuccessfullyAsync();

        var parser = new HtmlParser();
        foreach (var file in site.OutputHtmlFiles())
        {
            var document = parser.ParseDocument(File.ReadAllText(file));
            Assert.Single(document.QuerySelectorAll("h1"));
            Assert.Single(document.QuerySelectorAll("main#main"));
            Assert.Equal("#main", document.QuerySelector("a.skip-link")!.GetAttribute("href"));
            Assert.Single(document.QuerySelectorAll("header.site-header"));
            Assert.Single(document.QuerySelectorAll("footer.site-footer"));
            Assert.Equal(1, CountOccurrences(document.Body!.TextContent, "not legal advice"));
            Assert.NotNull(document.QuerySelector("details.site-menu > summary"));
            Assert.NotNull(document.QuerySelector("label[for='site-search-input']"));
            Assert.NotNull(document.QuerySelector("[data-search-fallback] a[href='/all-pages/']"));
            Assert.NotNull(document.QuerySelector("script[src='/pagefind/pagefind-ui.js'][defer]"));
        }
    }

    [Fact]
    public async Task TopicPage_ShowsEveryPartOfTheTopicLayout()
    {
        using var site = new TestSite();
        await site.BuildSuccessfullyAsync();

        var document = new HtmlParser().ParseDocument(site.ReadOutput("guidance/email-rules/index.html"));
        Assert.Equal("Email is allowed with reasonable safeguards. Check the address and keep content minimal.", document.QuerySelector(".lead")!.TextContent);
        Assert.Contains("Practice managers, Patient access teams", document.QuerySelector(".page-facts")!.TextContent);
        Assert.Equal("2025-01-15", document.QuerySelector(".page-facts time")!.GetAttribute("datetime"));
        Assert.Equal(["#key-lessons", "#safeguards", "#frequently-asked-questions", "#next-steps"], document.QuerySelectorAll(".toc a").Select(a => a.GetAttribute("href")));
        Assert.NotNull(document.QuerySelector("section.section--key-lessons[aria-labelledby='key-lessons']"));
        Assert.NotNull(document.QuerySelector("section.section--faq"));
        Assert.NotNull(document.QuerySelector("section.section--next-steps"));
        Assert.NotNull(document.QuerySelector(".table-scroll[tabindex='0'] > table"));
        Assert.Equal("/guidance/staff-checklist/", document.QuerySelector(".cta a")!.GetAttribute("href"));
        Assert.Equal(["/guidance/staff-checklist/"], document.QuerySelectorAll(".related a").Select(a => a.GetAttribute("href")));
        Assert.Contains("45 CFR 164.530(c)", document.QuerySelector(".sources")!.TextContent);
        Assert.Equal("https://example.test/edit/main/site/content/guidance/email-rules.md", document.QuerySelectorAll(".page-meta a").Single().GetAttribute("href"));
        Assert.Equal(["/", "/guidance/", "/guidance/email-rules/"], document.QuerySelectorAll(".breadcrumbs a").Select(a => a.GetAttribute("href")));
        Assert.Equal("/guidance/", document.QuerySelector(".pager a[rel='prev']")!.GetAttribute("href"));
        Assert.Equal("/guidance/staff-checklist/", document.QuerySelector(".pager a[rel='next']")!.GetAttribute("href"));
        Assert.Equal("page", document.QuerySelector(".site-nav a[href='/guidance/email-rules/']")!.GetAttribute("aria-current"));
        Assert.Equal("https://example.test/guidance/email-rules/", document.QuerySelector("link[rel='canonical']")!.GetAttribute("href"));
        Assert.Equal("article", document.QuerySelector("meta[property='og:type']")!.GetAttribute("content"));
    }

    [Fact]
    public async Task NotFoundPage_IsNotIndexedAndHasSearch()
    {
        using var site = new TestSite();
        await site.BuildSuccessfullyAsync();

        var document = new HtmlParser().ParseDocument(site.ReadOutput("404.html"));
        Assert.Equal("noindex", document.QuerySelector("meta[name='robots']")!.GetAttribute("content"));
        Assert.Null(document.QuerySelector("[data-pagefind-body]"));
        Assert.NotNull(document.QuerySelector("[data-search]"));
    }

    [Fact]
    public async Task FingerprintedAssets_AreNamedByTheirContentHash()
    {
        using var site = new TestSite();
        await site.BuildSuccessfullyAsync();

        var assets = Directory.GetFiles(Path.Combine(site.OutputFolder, "assets"));
        Assert.Contains(assets, a => Path.GetFileName(a).StartsWith("site.", StringComparison.Ordinal) && a.EndsWith(".css", StringComparison.Ordinal));
        Assert.Contains(assets, a => Path.GetFileName(a).StartsWith("theme.", StringComparison.Ordinal));
        foreach (var asset in assets)
        {
            var nameParts = Path.GetFileName(asset).Split('.');
            Assert.Equal(AssetPipeline.Fingerprint(File.ReadAllBytes(asset)), nameParts[^2]);
        }

        var home = site.ReadOutput("index.html");
        foreach (var asset in assets)
        {
            Assert.Contains($"/assets/{Path.GetFileName(asset)}", home);
        }

        Assert.True(File.Exists(Path.Combine(site.OutputFolder, "favicon.ico")));
        Assert.True(File.Exists(Path.Combine(site.OutputFolder, "favicon.svg")));
    }

    [Fact]
    public async Task ThemeScript_IsRenderBlockingInHeadAndOtherScriptsAreDeferred()
    {
        using var site = new TestSite();
        await site.BuildSuccessfullyAsync();

        var document = new HtmlParser().ParseDocument(site.ReadOutput("index.html"));
        var scripts = document.Head!.QuerySelectorAll("script[src]").ToList();
        var theme = Assert.Single(scripts, s => s.GetAttribute("src")!.StartsWith("/assets/theme.", StringComparison.Ordinal));
        Assert.False(theme.HasAttribute("defer"));
        Assert.All(scripts.Where(s => s != theme), s => Assert.True(s.HasAttribute("defer")));
        Assert.Empty(document.Body!.QuerySelectorAll("script"));
    }

    [Fact]
    public async Task FailedBuild_LeavesThePreviousOutputByteForByte()
    {
        using var site = new TestSite();
        await site.BuildSuccessfullyAsync();
        var before = Snapshot(site.OutputFolder);

        site.Write("site/content/reference/glossary.md", "---\ntitle: Broken\nkind: nonsense\n---\n");
        var result = await site.BuildAsync();

        Assert.False(result.Succeeded);
        Assert.Equal(before, Snapshot(site.OutputFolder));
        Assert.Empty(Directory.GetDirectories(Path.Combine(site.Root, "site"), ".output-*"));
    }

    [Fact]
    public async Task FailedCheck_LeavesThePreviousOutputByteForByte()
    {
        using var site = new TestSite();
        await site.BuildSuccessfullyAsync();
        var before = Snapshot(site.OutputFolder);

        site.Write("site/content/reference/broken.md", "---\ntitle: Broken\ndescription: Broken link.\nkind: reference\n---\n[x](/nowhere/)\n");
        var result = await site.BuildAsync();

        Assert.False(result.Succeeded);
        Assert.Equal(before, Snapshot(site.OutputFolder));
    }

    [Fact]
    public async Task SuccessfulRebuild_ReplacesTheOutputWithoutLeftovers()
    {
        using var site = new TestSite();
        await site.BuildSuccessfullyAsync();
        File.WriteAllText(Path.Combine(site.OutputFolder, "stale.txt"), "from an old build");

        await site.BuildSuccessfullyAsync();

        Assert.False(File.Exists(Path.Combine(site.OutputFolder, "stale.txt")));
        Assert.Empty(Directory.GetDirectories(Path.Combine(site.Root, "site"), ".output-*"));
    }

    private static List<JsonElement> JsonLdBlocks(string html) =>
        new HtmlParser().ParseDocument(html).QuerySelectorAll("script[type='application/ld+json']")
            .Select(s => JsonDocument.Parse(s.TextContent).RootElement)
            .Select(root =>
            {
                Assert.Equal("https://schema.org", root.GetProperty("@context").GetString());
                return root;
            })
            .ToList();

    private static Dictionary<string, string> Snapshot(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(folder, f), f => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f))));

    private static int CountOccurrences(string text, string value)
    {
        var count = 0;
        for (var index = text.IndexOf(value, StringComparison.Ordinal); index >= 0; index = text.IndexOf(value, index + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
