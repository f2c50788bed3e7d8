namespace HipaaDev.Site.Checks;

/// <summary>
/// Every check the build runs. Page rules see one page's parsed HTML while it streams through the build; site-wide
/// rules (URLs, front matter links, anchors across pages) run once every page was generated.
/// </summary>
public static class SiteChecks
{
    public static readonly IReadOnlyList<IPageCheck> PerPage =
    [
        new PagesMustHaveOneH1(),
        new GuidancePagesMustCiteARegulation(),
        new GuidancePagesMustCarryReviewDate(),
        new InternalLinksMustResolve(),
        new NextStepsAndFaqLinksMustPointToExistingPages(),
        new ImagesMustHaveAltText(),
        new FencedCodeMustDeclareLanguage(),
        new PagesMustNotCarryInlineScriptOrStyle(),
        new PagesMustNotLoadFromOtherOrigins(),
        new ElementIdsMustBeUnique(),
    ];

    public static readonly IReadOnlyList<ISiteCheck> SiteWide =
    [
        new UrlsMustBeUnique(),
        new RelatedAndCtaLinksMustExist(),
        new AnchorsMustResolve(),
    ];
}
