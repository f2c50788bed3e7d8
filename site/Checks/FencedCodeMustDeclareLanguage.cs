using AngleSharp.Dom;
using Markdig.Syntax;

namespace HipaaDev.Site.Checks;

/// <summary>Every fenced code block names its language (```csharp, ```text), checked in the Markdown.</summary>
public sealed class FencedCodeMustDeclareLanguage : IPageCheck
{
    public void Check(CheckContext context, GeneratedPage page, IDocument document)
    {
        foreach (var block in page.Source?.Document.Descendants<FencedCodeBlock>() ?? [])
        {
            if (string.IsNullOrWhiteSpace(block.Info))
            {
                context.Report(page, block.Line + 1, "This fenced code block does not declare a language.",
                    "Write the language after the opening fence, e.g. ```csharp, ```json or ```text for plain text.");
            }
        }
    }
}
