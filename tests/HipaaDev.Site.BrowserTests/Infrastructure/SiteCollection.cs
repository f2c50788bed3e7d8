namespace HipaaDev.Site.BrowserTests.Infrastructure;

/// <summary>One collection, so the tests share one build, one server and one browser, and run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class SiteCollection : ICollectionFixture<BuiltSite>
{
    public const string Name = "Built site";
}
