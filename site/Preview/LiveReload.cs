using System.Threading.Channels;
using Microsoft.AspNetCore.Http;

namespace HipaaDev.Site.Preview;

/// <summary>Server-sent events to every open preview page.</summary>
internal sealed class LiveReload
{
    private readonly List<Channel<string>> _listeners = [];
    private readonly CancellationTokenSource _closing = new();

    public void Broadcast(string eventName, string data)
    {
        var message = $"event: {eventName}\ndata: {data.Replace("\n", "\ndata: ", StringComparison.Ordinal)}\n\n";
        lock (_listeners)
        {
            foreach (var listener in _listeners)
            {
                listener.Writer.TryWrite(message);
            }
        }
    }

    public async Task StreamAsync(HttpContext context)
    {
        context.Response.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-store";
        var channel = Channel.CreateUnbounded<string>();
        lock (_listeners)
        {
            _listeners.Add(channel);
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _closing.Token);
        try
        {
            await context.Response.WriteAsync(": connected\n\n", stop.Token);
            await context.Response.Body.FlushAsync(stop.Token);
            await foreach (var message in channel.Reader.ReadAllAsync(stop.Token))
            {
                await context.Response.WriteAsync(message, stop.Token);
                await context.Response.Body.FlushAsync(stop.Token);
            }
        }
        catch (OperationCanceledException)
        {
        }
        finally
        {
            lock (_listeners)
            {
                _listeners.Remove(channel);
            }
        }
    }

    public void Close() => _closing.Cancel();
}
