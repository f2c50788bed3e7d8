using System.Text.Json;
using System.Text.Json.Nodes;
using HipaaDev.Site.Content;

namespace HipaaDev.Site.Publishing;

/// <summary>
/// JSON-LD blocks for search engines: Article on guidance pages, FAQPage from the FAQ section, BreadcrumbList.
/// Served as <c>application/ld+json</c> data blocks, which the CSP allows because browsers do not execute them.
/// </summary>
public static class StructuredData
{
    // The default encoder escapes '<', '>' and '&', so no value can close the script element.
    private static readonly JsonSerializerOptions s_options = new() { WriteIndented = false };

    public static IReadOnlyList<string> For(SourcePage page, IReadOnlyList<NavNode> breadcrumbs, SiteConfig site)
    {
        var blocks = new List<string>();
        var frontMatter = page.FrontMatter;
        if (frontMatter.Kind.IsGuidance() || frontMatter.Kind == PageKind.Rule)
        {
            var article = new JsonObject
            {
                ["@context"] = "https://schema.org",
                ["@type"] = "Article",
                ["headline"] = frontMatter.Title,
                ["description"] = frontMatter.Description,
                ["url"] = site.AbsoluteUrl(page.Url),
                ["mainEntityOfPage"] = site.AbsoluteUrl(page.Url),
                ["inLanguage"] = site.Language,
                ["publisher"] = new JsonObject { ["@type"] = "Organization", ["name"] = site.Publisher, ["url"] = site.AbsoluteUrl("/") },
                ["author"] = new JsonObject { ["@type"] = "Organization", ["name"] = site.Publisher },
            };
            if (frontMatter.LastReviewed is { } reviewed)
            {
                article["dateModified"] = reviewed.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            }

            if (frontMatter.Audience.Count > 0)
            {
                article["audience"] = new JsonObject { ["@type"] = "Audience", ["audienceType"] = string.Join(", ", frontMatter.Audience) };
            }

            blocks.Add(article.ToJsonString(s_options));
        }

        if (page.Body.Faqs.Count > 0)
        {
            var questions = new JsonArray();
            foreach (var faq in page.Body.Faqs)
            {
                questions.Add(new JsonObject
                {
                    ["@type"] = "Question",
                    ["name"] = faq.Question,
                    ["acceptedAnswer"] = new JsonObject { ["@type"] = "Answer", ["text"] = faq.AnswerText },
                });
            }

            blocks.Add(new JsonObject
            {
                ["@context"] = "https://schema.org",
                ["@type"] = "FAQPage",
                ["mainEntity"] = questions,
            }.ToJsonString(s_options));
        }

        if (breadcrumbs.Count > 1)
        {
            var items = new JsonArray();
            for (var i = 0; i < breadcrumbs.Count; i++)
            {
                items.Add(new JsonObject
                {
                    ["@type"] = "ListItem",
                    ["position"] = i + 1,
                    ["name"] = breadcrumbs[i].Page.NavLabel,
                    ["item"] = site.AbsoluteUrl(breadcrumbs[i].Page.Url),
                });
            }

            blocks.Add(new JsonObject
            {
                ["@context"] = "https://schema.org",
                ["@type"] = "BreadcrumbList",
                ["itemListElement"] = items,
            }.ToJsonString(s_options));
        }

        return blocks;
    }
}
