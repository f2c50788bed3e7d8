using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace HipaaDev.Site.Layouts;

/// <summary>
/// Renders <see cref="PageView"/>s to HTML documents with the Razor components in this folder. The Blazor renderer
/// is made on the first page, so a preview rebuild that reads every page back creates none.
/// </summary>
public sealed class PageRenderer : IAsyncDisposable
{
    /// <summary>Characters: the real site's pages are 6–40 KB of HTML, the generated benchmark pages about 23 KB.</summary>
    private const int InitialCapacity = 32 * 1024;

    /// <summary>What the components need from dependency injection (nothing but logging); one for every renderer.</summary>
    private static readonly ServiceProvider s_services =
        new ServiceCollection().AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance).BuildServiceProvider();

    private HtmlRenderer? _renderer;

    /// <summary>Renders on the renderer's dispatcher, as <see cref="HtmlRenderer"/> requires.</summary>
    public Task<string> RenderAsync(PageView view)
    {
        _renderer ??= new HtmlRenderer(s_services, NullLoggerFactory.Instance);
        var renderer = _renderer;
        return renderer.Dispatcher.InvokeAsync(async () =>
        {
            var parameters = ParameterView.FromDictionary(new Dictionary<string, object?> { [nameof(PageDocument.View)] = view });
            var root = await renderer.RenderComponentAsync<PageDocument>(parameters);

            // Written straight after the doctype into one buffer sized for a typical page, instead of building the
            // page's string and then copying it behind the doctype.
            using var html = new StringWriter(new StringBuilder(InitialCapacity), CultureInfo.InvariantCulture);
            html.Write("<!DOCTYPE html>\n");
            root.WriteHtmlTo(html);
            return html.ToString();
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (_renderer is not null)
        {
            await _renderer.DisposeAsync();
        }
    }
}
