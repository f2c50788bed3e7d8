using HipaaDev.Site.Content;

namespace HipaaDev.Site.Layouts;

/// <summary>
/// Element ids and classes that the layouts write and the checks (and stylesheets) look for. Named once here so a
/// layout and the check that reads its markup cannot drift apart.
/// </summary>
public static class PageMarkup
{
    /// <summary>The main landmark; the skip link jumps to it.</summary>
    public const string MainId = "main";

    public const string TableOfContentsHeadingId = "toc-heading";
    public const string ChildrenHeadingId = "page-children-heading";
    public const string CallToActionHeadingId = "page-cta-heading";
    public const string RelatedHeadingId = "page-related-heading";

    /// <summary>The heading of the "Sources" list; its presence shows that a layout renders the sources.</summary>
    public const string SourcesHeadingId = "page-sources-heading";

    public const string KeyLessonsClass = "section--key-lessons";
    public const string FaqClass = "section--faq";
    public const string NextStepsClass = "section--next-steps";

    /// <summary>The class of a body section's <c>&lt;section&gt;</c> element, by its role (empty for plain sections).</summary>
    public static string SectionClass(SectionRole role) => role switch
    {
        SectionRole.KeyLessons => KeyLessonsClass,
        SectionRole.FrequentlyAskedQuestions => FaqClass,
        SectionRole.NextSteps => NextStepsClass,
        _ => string.Empty,
    };
}
