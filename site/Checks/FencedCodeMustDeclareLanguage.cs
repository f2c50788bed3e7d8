
namespace HipaaDev.Site.Checks;

/// <summary>Every fenced code block names its language (```csharp, ```text), checked in the Markdown.</summary>
public sealed class FencedCodeMustDeclareLanguage : IPageCheck
{
    public void Check(CheckContext context, GeneratedPage page, ParsedPage html)
    {
        foreach (var line in page.Source?.Markdown.FencesWithoutLanguage ?? [])
        {
            context.Report(page, line, "This fenced code block does not declare a language.",
                "Write the language after the opening fence, e.g. ```csharp, ```json or ```text for plain text.");
        }
    }
}
