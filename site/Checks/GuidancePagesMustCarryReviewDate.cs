using HipaaDev.Site.Content;

namespace HipaaDev.Site.Checks;

/// <summary>The review date of guidance and rule pages is not in the future, and the page shows it.</summary>
public sealed class GuidancePagesMustCarryReviewDate : IPageCheck
{
    public void Check(CheckContext context, GeneratedPage page, ParsedPage html)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        if (page.Source is not { } source || !(source.FrontMatter.Kind.IsGuidance() || source.FrontMatter.Kind == PageKind.Rule))
        {
            return;
        }

        // The front matter reader requires the date on these kinds; this check adds what it cannot see.
        if (source.FrontMatter.LastReviewed is not { } reviewed)
        {
            return;
        }

        var line = source.FrontMatter.LineOf(FrontMatterKeys.LastReviewed);

        if (reviewed > today.AddDays(1))
        {
            context.Report(page, line, $"'last_reviewed' {reviewed:yyyy-MM-dd} is in the future.", "Use the date the review actually happened.");
        }

        var date = reviewed.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var shown = html.Named("time").Any(t => t.GetAttribute("datetime") == date);
        if (!shown)
        {
            context.Report(page, line, "The page's layout does not show its review date.", "Render PageHeader or PageEnd in this kind's layout (site/Layouts/Pages).");
        }
    }
}
