using HipaaDev.Site.Content;

namespace HipaaDev.Site.Checks;

/// <summary>Guidance and rule pages show when they were last reviewed, and that date is not in the future.</summary>
public sealed class GuidancePagesMustCarryReviewDate : ISiteCheck
{
    public void Run(CheckContext context)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        foreach (var page in context.PagesToCheck)
        {
            if (page.Source is not { } source || !(source.FrontMatter.Kind.IsGuidance() || source.FrontMatter.Kind == PageKind.Rule))
            {
                continue;
            }

            var line = source.FrontMatter.LineOf(FrontMatterKeys.LastReviewed);
            if (source.FrontMatter.LastReviewed is not { } reviewed)
            {
                context.Report(page, line, "This page has no 'last_reviewed' date.", "Add 'last_reviewed: YYYY-MM-DD' with the date the content was last checked against its sources.");
                continue;
            }

            if (reviewed > today.AddDays(1))
            {
                context.Report(page, line, $"'last_reviewed' {reviewed:yyyy-MM-dd} is in the future.", "Use the date the review actually happened.");
            }

            var shown = context.Document(page).QuerySelectorAll("time[datetime]").Any(t => t.GetAttribute("datetime") == reviewed.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            if (!shown)
            {
                context.Report(page, line, "The page's layout does not show its review date.", "Render PageHeader or PageEnd in this kind's layout (site/Layouts/Pages).");
            }
        }
    }
}
