namespace HipaaDev.Site.Checks;

/// <summary>
/// No inline script or style anywhere: the Content-Security-Policy in netlify.toml blocks them, so they would
/// silently not work in production. JSON-LD data blocks are allowed (browsers do not execute them).
/// </summary>
public sealed class PagesMustNotCarryInlineScriptOrStyle : IPageCheck
{
    public const string DataBlockType = "application/ld+json";

    public void Check(CheckContext context, GeneratedPage page, ParsedPage html)
    {
        foreach (var element in html.Elements)
        {
            if (element.LocalName == "script" && !element.HasAttribute("src") && element.GetAttribute("type") != DataBlockType)
            {
                context.Report(page, CheckContext.LineOf(page, "<script"), "The page has an inline <script>, which the Content-Security-Policy blocks.",
                    "Move the code into a file in site/assets/js/ that looks for its own hook element.");
            }
            else if (element.LocalName == "style")
            {
                context.Report(page, CheckContext.LineOf(page, "<style"), "The page has a <style> element, which the Content-Security-Policy blocks.",
                    "Move the rules into site/assets/css/ and use a class.");
            }

            foreach (var attribute in element.Attributes)
            {
                if (attribute.Name == "style")
                {
                    context.Report(page, CheckContext.LineOf(page, "style="), $"<{element.LocalName}> has a style attribute, which the Content-Security-Policy blocks.",
                        "Use a class (Markdown: {.class-name}) and put the rules in site/assets/css/.");
                }
                else if (attribute.Name.StartsWith("on", StringComparison.Ordinal))
                {
                    context.Report(page, CheckContext.LineOf(page, attribute.Name + "="), $"<{element.LocalName}> has an inline event handler '{attribute.Name}'.",
                        "Attach the handler from a script in site/assets/js/.");
                }
                else if (UrlSchemes.IsScript(attribute.Value))
                {
                    context.Report(page, CheckContext.LineOf(page, attribute.Value, UrlSchemes.Of(attribute.Value) + ":", attribute.Name + "="), $"<{element.LocalName}> has a {UrlSchemes.Of(attribute.Value)}: URL in '{attribute.Name}'.",
                        "Use a real link or a button handled by a script file.");
                }
            }
        }
    }
}
