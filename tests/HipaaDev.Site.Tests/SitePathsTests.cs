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
    [InlineData("/guidance/email/#faq", true)]
    [InlineData("/guidance", false)]
    [InlineData("guidance/", false)]
    [InlineData("//evil.example/", false)]
    public void SiteAbsolutePaths_StartWithOneSlashAndEndWithASlash(string path, bool expected) =>
        Assert.Equal(expected, SitePaths.IsSiteAbsolute(path));
}
