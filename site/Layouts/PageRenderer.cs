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
    /// <summary>Characters: a generated page is 20–40 KB of HTML.</summary>
    private const int InitialCapacity = 32 * 1024;

    private ServiceProvider? _services;
    private HtmlRenderer? _renderer;

    /// <summary>Renders on the renderer's dispatcher, as <see cref="HtmlRenderer"/> requires.</summary>
    public Task<string> RenderAsync(PageView view)
    {
        if (_renderer is null)
        {
            _services = new ServiceCollection().AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance).BuildServiceProvider();
            _renderer = new HtmlRenderer(_services, NullLoggerFactory.Instance);
        }

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

        if (_services is not null)
        {
            await _services.DisposeAsync();
        }
    }
}
