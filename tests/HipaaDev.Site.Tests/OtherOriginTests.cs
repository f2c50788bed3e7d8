using HipaaDev.Site.Tests.Fixtures;

namespace HipaaDev.Site.Tests;

/// <summary>
/// Raw HTML in Markdown that would load, embed or submit to another origin, or break the production
/// Content-Security-Policy, fails the build at its Markdown line; plain outbound links do not.
/// </summary>
public sealed class OtherOriginTests
{
    private static string Reference(string body) => $"""
        ---
        title: Page with raw HTML
        description: A page whose raw HTML reaches out.
        kind: reference
        ---
        Intro line.

        {body}
        """;

    [Theory]
    [InlineData("<script src=\"https://cdn.example/x.js\"></script>", "loads from another origin")]
    [InlineData("<img src=\"https://tracker.example/p.gif\" alt=\"Pixel\">", "loads from another origin")]
    [InlineData("<img src=\"//tracker.example/p.gif\" alt=\"Pixel\">", "loads from another origin")]
    [InlineData("<img src=\"/\\tracker.example/p.gif\" alt=\"Pixel\">", "loads from another origin")]
    [InlineData("<img src=\"data:image/png;base64,AAAA\" alt=\"Pixel\">", "loads from another origin")]
    [InlineData("<img src=\"/favicon.svg\" srcset=\"/favicon.svg 1x, https://tracker.example/p.png 2x\" alt=\"Logo\">", "loads from another origin")]
    [InlineData("<picture><source srcset=\"https://tracker.example/p.webp\"><img src=\"/favicon.svg\" alt=\"Logo\"></picture>", "loads from another origin")]
    [InlineData("<video poster=\"https://tracker.example/p.png\"></video>", "loads from another origin")]
    [InlineData("<svg><image href=\"https://tracker.example/p.png\"/></svg>", "loads from another origin")]
    [InlineData("<link rel=\"stylesheet\" href=\"https://cdn.example/x.css\">", "loads from another origin")]
    [InlineData("<link rel=\"preconnect\" href=\"https://cdn.example\">", "loads from another origin")]
    [InlineData("<link rel=\"alternate stylesheet\" href=\"https://cdn.example/x.css\">", "loads from another origin")]
    [InlineData("<form action=\"https://collect.example/\"><button>Send</button></form>", "loads from another origin")]
    [InlineData("<form><button formaction=\"https://collect.example/\">Send</button></form>", "loads from another origin")]
    [InlineData("<a href=\"https://example.org/\" ping=\"https://tracker.example/\">Outbound</a>", "loads from another origin")]
    [InlineData("<iframe src=\"/guidance/\" title=\"Guidance\"></iframe>", "<iframe> element")]
    [InlineData("<object data=\"/favicon.svg\"></object>", "<object> element")]
    [InlineData("<embed src=\"/favicon.svg\">", "<embed> element")]
    [InlineData("<base href=\"https://evil.example/\">", "<base> element")]
    [InlineData("<meta http-equiv=\" Refresh \" content=\"0; url=https://evil.example/\">", "meta http-equiv=\"refresh\"")]
    [InlineData("<a href=\"&#106;avascript:alert(1)\">Run</a>", "javascript: URL")]
    [InlineData("<a href=\"java&#x09;script:alert(1)\">Run</a>", "javascript: URL")]
    [InlineData("<a href=\"java&NewLine;script:alert(1)\">Run</a>", "javascript: URL")]
    [InlineData("<a href=\" &#x01;JaVaScRiPt:alert(1)\">Run</a>", "javascript: URL")]
    [InlineData("<a href=\"vbscript:msgbox(1)\">Run</a>", "vbscript: URL")]
    [InlineData("[Run](javascript:alert(1))", "javascript: URL")]
    public async Task RawHtmlThatReachesOut_FailsTheBuildAtItsLine(string html, string problem)
    {
        using var site = new TestSite().Write("site/content/reference/raw.md", Reference(html));

        var result = await site.BuildAsync();

        Assert.False(result.Succeeded, "The build should have failed.");
        var diagnostic = Assert.Single(result.Diagnostics, d => d.Message.Contains(problem, StringComparison.Ordinal));
        Assert.Equal("site/content/reference/raw.md", diagnostic.File);
        Assert.Equal(8, diagnostic.Line);
    }

    [Theory]
    [InlineData("[HHS guidance](https://www.hhs.gov/hipaa/)")]
    [InlineData("<a href=\"https://www.hhs.gov/hipaa/\">HHS guidance</a>")]
    [InlineData("<a href=\"mailto:privacy@example.org\">Email the privacy officer</a>")]
    [InlineData("<img src=\"/favicon.svg\" srcset=\"/favicon.svg 1x, /favicon.svg 2x\" alt=\"Logo\">")]
    public async Task OutboundLinksAndLocalImages_AreAllowed(string html)
    {
        using var site = new TestSite().Write("site/content/reference/raw.md", Reference(html));

        await site.BuildSuccessfullyAsync();
    }
}
