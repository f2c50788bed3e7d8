using HipaaDev.Site.Content;

namespace HipaaDev.Site.Tests;

public sealed class SitePathsTests
{
    [Theory]
    [InlineData("index.md", "/")]
    [InlineData("guidance/email-and-text-rules.md", "/guidance/email-and-text-rules/")]
    [InlineData("guidance/index.md", "/guidance/")]
    public void ContentFiles_MapToTheContractUrls(string file, string url) =>
        Assert.Equal(url, SitePaths.UrlForContentFile(file));

    [Theory]
    [InlineData("HIPAA001.md", "/analyzer/rules/hipaa001/")]
    [InlineData("index.md", "/analyzer/rules/")]
    public void RuleFiles_MapToLowerCaseRuleUrls(string file, string url) =>
        Assert.Equal(url, SitePaths.UrlForRuleFile(file));

    [Theory]
    [InlineData("/guidance/", true)]
    [InlineData("/", true)]
    [InlineData("/guidance/email/#faq", true)]
    [InlineData("/v1.2/old_page/", true)]
    [InlineData("/guidance", false)]
    [InlineData("guidance/", false)]
    [InlineData("//evil.example/", false)]
    [InlineData("/Guidance/", false)]
    [InlineData("/a b/", false)]
    [InlineData("/a/ /b/ 200", false)]
    [InlineData("/a/\n/b/ /c/ 200", false)]
    [InlineData("/a/\t/", false)]
    [InlineData("/*", false)]
    [InlineData("/a/*/", false)]
    [InlineData("/:splat/", false)]
    [InlineData("/a/../b/", false)]
    [InlineData("/a/./b/", false)]
    [InlineData("/a/%2e%2e/", false)]
    [InlineData("/a//b/", false)]
    [InlineData("/guidance/\n", false)]
    public void SitePaths_FollowTheStrictGrammar(string path, bool expected) =>
        Assert.Equal(expected, SitePaths.IsSitePath(path, allowFragment: true));

    [Fact]
    public void RedirectSources_MayNotCarryAnAnchor()
    {
        Assert.True(SitePaths.IsSitePath("/old/", allowFragment: false));
        Assert.False(SitePaths.IsSitePath("/old/#x", allowFragment: false));
        Assert.False(SitePaths.IsSitePath("/old/#x y", allowFragment: true));
    }

    [Theory]
    [InlineData("guidance/email-rules.md", false, null)]
    [InlineData("HIPAA001.md", true, null)]
    [InlineData("robots.txt.md", false, "cannot be part of a URL")]
    [InlineData("sitemap.xml.md", false, "cannot be part of a URL")]
    [InlineData("404.html.md", false, "cannot be part of a URL")]
    [InlineData("..md", false, "cannot be part of a URL")]
    [InlineData("...md", false, "cannot be part of a URL")]
    [InlineData(".md", false, "cannot be part of a URL")]
    [InlineData("guidance\\..\\evil.md", false, "cannot be part of a URL")]
    [InlineData("Guidance/email.md", false, "cannot be part of a URL")]
    [InlineData("assets/site.md", false, "which the generator fills itself")]
    [InlineData("pagefind/index.md", false, "which the generator fills itself")]
    public void ContentFileNames_ThatCannotBeUrls_AreNamed(string file, bool isRulePage, string? problem)
    {
        var found = SitePaths.ContentFileProblem(file, isRulePage);
        if (problem is null)
        {
            Assert.Null(found);
        }
        else
        {
            Assert.Contains(problem, found);
        }
    }
}
