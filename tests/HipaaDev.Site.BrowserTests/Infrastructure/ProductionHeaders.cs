using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Tomlyn;
using Tomlyn.Model;
using Tomlyn.Parsing;

namespace HipaaDev.Site.BrowserTests.Infrastructure;

/// <summary>
/// The response headers Netlify sends for every path (netlify.toml, <c>[[headers]] for = "/*"</c>). The preview
/// server sends none of them, so the tests add them to every page response: the Content-Security-Policy the
/// browser enforces is then the one production enforces.
/// </summary>
internal sealed class ProductionHeaders
{
    private const string AllPaths = "/*";

    private ProductionHeaders(IReadOnlyDictionary<string, string> values) => Values = values;

    public IReadOnlyDictionary<string, string> Values { get; }

    public string ContentSecurityPolicy => Values["Content-Security-Policy"];

    public static ProductionHeaders Load(string netlifyTomlPath)
    {
        var text = File.ReadAllText(netlifyTomlPath);
        var syntax = SyntaxParser.Parse(text, netlifyTomlPath, validate: true);
        if (syntax.Diagnostics.HasErrors)
        {
            throw new InvalidOperationException($"{netlifyTomlPath} is not valid TOML:\n{string.Join('\n', syntax.Diagnostics)}");
        }

        var model = TomlSerializer.Deserialize<TomlTable>(text)!;
        var rule = model.TryGetValue("headers", out var headers) && headers is TomlTableArray rules
            ? rules.FirstOrDefault(r => r.TryGetValue("for", out var path) && path as string == AllPaths)
            : null;
        if (rule?["values"] is not TomlTable values || !values.ContainsKey("Content-Security-Policy"))
        {
            throw new InvalidOperationException(
                $"{netlifyTomlPath}: no [[headers]] block for \"{AllPaths}\" with a Content-Security-Policy. The browser tests check pages against that policy; restore it.");
        }

        return new ProductionHeaders(values.ToDictionary(pair => pair.Key, pair => Regex.Replace((string)pair.Value, @"\s+", " ").Trim(), StringComparer.OrdinalIgnoreCase));
    }

    /// <summary>Adds the headers to every page (document) response the context receives.</summary>
    public Task ApplyToAsync(IBrowserContext context) =>
        context.RouteAsync("**/*", async route =>
        {
            // Only documents carry a policy; other requests pass untouched (the live-reload event stream never ends,
            // so it must not be fetched and buffered here).
            if (route.Request.ResourceType != "document")
            {
                await route.ContinueAsync();
                return;
            }

            var response = await route.FetchAsync();
            var headers = new Dictionary<string, string>(response.Headers, StringComparer.OrdinalIgnoreCase);
            foreach (var (name, value) in Values)
            {
                headers[name] = value;
            }

            await route.FulfillAsync(new RouteFulfillOptions { Response = response, Headers = headers });
        });
}
