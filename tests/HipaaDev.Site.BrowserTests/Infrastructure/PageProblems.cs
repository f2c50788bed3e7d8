using Microsoft.Playwright;

namespace HipaaDev.Site.BrowserTests.Infrastructure;

/// <summary>
/// Collects what a visitor's browser complains about on a page: console errors, uncaught exceptions and
/// Content-Security-Policy violations (reported by the page's own <c>securitypolicyviolation</c> events).
/// </summary>
internal sealed class PageProblems
{
    private const string ReportFunction = "__hipaadevReportCspViolation";

    // Registered before any page script runs; init scripts are not subject to the page's policy.
    private const string ListenForViolations = $$"""
        document.addEventListener("securitypolicyviolation", function (event) {
            window.{{ReportFunction}}(event.violatedDirective + " blocked " + (event.blockedURI || "inline code") +
                (event.sourceFile ? " (" + event.sourceFile + ":" + event.lineNumber + ")" : ""));
        });
        """;

    private readonly List<string> _problems = [];

    private PageProblems()
    {
    }

    /// <summary>Starts listening on every page the context opens from now on.</summary>
    public static async Task<PageProblems> WatchAsync(IBrowserContext context)
    {
        var problems = new PageProblems();
        await context.ExposeFunctionAsync(ReportFunction, (string violation) => problems.Add("CSP violation: " + violation));
        await context.AddInitScriptAsync(ListenForViolations);
        context.Page += (_, page) => problems.Attach(page);
        foreach (var page in context.Pages)
        {
            problems.Attach(page);
        }

        return problems;
    }

    /// <summary>Problems seen since the last call, each prefixed with the page it happened on; then forgets them.</summary>
    public IReadOnlyList<string> Take()
    {
        lock (_problems)
        {
            var taken = _problems.ToList();
            _problems.Clear();
            return taken;
        }
    }

    private void Attach(IPage page)
    {
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                Add($"console error: {message.Text} ({message.Location})");
            }
        };
        page.PageError += (_, error) => Add($"uncaught exception: {error}");
    }

    private void Add(string problem)
    {
        lock (_problems)
        {
            _problems.Add(problem);
        }
    }
}
