using HipaaDev.Site.Content;

namespace HipaaDev.Site.Tests;

/// <summary>Markdown in, HTML out: the choices the generator makes on top of Markdig's advanced extensions.</summary>
public sealed class MarkdownRenderingTests
{
    private static RenderedBody Render(string markdown) =>
        MarkdownRendering.Render(MarkdownRendering.Parse(markdown.ReplaceLineEndings("\n")));

    [Fact]
    public void TaskListItems_RenderAsDecorativeBoxesNotUnlabelledCheckboxes()
    {
        var html = Render("- [ ] Verify the address\n- [x] Limit the content\n").Html;

        Assert.DoesNotContain("<input", html);
        Assert.Contains("<span class=\"task-box\" aria-hidden=\"true\"></span> Verify the address", html);
        Assert.Contains("<span class=\"task-box task-box--checked\" aria-hidden=\"true\"></span><span class=\"visually-hidden\">Done: </span> Limit the content", html);
    }

    [Fact]
    public void Tables_ScrollInsideRegionsNamedByTheirColumnsAndNumberedWhenRepeated()
    {
        var html = Render("""
            | Channel | Allowed |
            | --- | --- |
            | Email | Yes |

            ## Again

            | Channel | Allowed |
            | --- | --- |
            | SMS | Yes |
            """).Html;

        Assert.Contains("<div class=\"table-scroll\" role=\"region\" aria-label=\"Table: Channel, Allowed\" tabindex=\"0\">\n<table>", html);
        Assert.Contains("aria-label=\"Table: Channel, Allowed (2)\"", html);
    }

    [Fact]
    public void TableRegionName_IsTheHeadingsPlainText()
    {
        var html = Render("""
            | **Risk** | [Fix](/x/) &amp; `code` |
            | --- | --- |
            | a | b |
            """).Html;

        Assert.Contains("aria-label=\"Table: Risk, Fix &amp; code\"", html);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, "class=\"table-scroll\""));
    }

    [Fact]
    public void DollarAmounts_StayText()
    {
        var html = Render("Penalties run from $141 to $71,162 per violation.").Html;

        Assert.Contains("$141 to $71,162", html);
        Assert.DoesNotContain("class=\"math\"", html);
    }

    [Fact]
    public void Sections_SplitOnLevelTwoHeadingsWithRolesTocAndFaqs()
    {
        var body = Render("""
            Intro.

            ## Key lessons

            - One.

            ## Frequently asked questions

            ### Is it allowed?

            Yes, with *safeguards*.

            ### Who decides?

            The privacy officer.

            ## Next steps

            - [Home](/)
            """);

        Assert.Equal([SectionRole.Intro, SectionRole.KeyLessons, SectionRole.FrequentlyAskedQuestions, SectionRole.NextSteps], body.Sections.Select(s => s.Role));
        Assert.Equal(["key-lessons", "frequently-asked-questions", "next-steps"], body.Toc.Select(t => t.Id));
        Assert.Equal([("Is it allowed?", "Yes, with safeguards."), ("Who decides?", "The privacy officer.")], body.Faqs.Select(f => (f.Question, f.AnswerText)));
    }

    [Fact]
    public void GenericAttributes_ReachTheTable()
    {
        var html = Render("""
            {.decision-table}
            | Message | Channel |
            | --- | --- |
            | Reminder | SMS |
            """).Html;

        Assert.Contains("<table class=\"decision-table\">", html);
    }
}
