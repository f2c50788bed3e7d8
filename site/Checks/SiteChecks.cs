namespace HipaaDev.Site.Checks;

/// <summary>
/// Every check the build runs. Site-wide rules (URLs, front matter links) look at all pages; the others look at
/// <see cref="CheckContext.PagesToCheck"/> and report each problem against its page.
/// </summary>
public static class SiteChecks
{
    public static readonly IReadOnlyList<ISiteCheck> All =
    [
        new UrlsMustBeUnique(),
        new PagesMustHaveOneH1(),
        new GuidancePagesMustCiteARegulation(),
        new GuidancePagesMustCarryReviewDate(),
        new RelatedAndCtaLinksMustExist(),
        new InternalLinksMustResolve(),
        new AnchorsMustResolve(),
        new NextStepsAndFaqLinksMustPointToExistingPages(),
        new ImagesMustHaveAltText(),
        new FencedCodeMustDeclareLanguage(),
        new PagesMustNotCarryInlineScriptOrStyle(),
        new PagesMustNotLoadFromOtherOrigins(),
        new ElementIdsMustBeUnique(),
    ];

    public static IReadOnlyList<BuildDiagnostic> RunAll(CheckContext context)
    {
        foreach (var check in All)
        {
            check.Run(context);
        }

        return context.Diagnostics;
    }
}
