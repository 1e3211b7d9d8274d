using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http;

namespace Lscb.Site.Preview;

/// <summary>
/// The state of the preview that open pages follow: the version of the last good build, and the
/// errors of the last build when it failed. Pages subscribe through server-sent events.
/// </summary>
public sealed class PreviewState
{
    private readonly Lock _gate = new();
    private readonly List<Channel<string>> _subscribers = [];
    private IReadOnlyList<string>? _errors;

    /// <summary>Counts good builds; pages built from an older version reload.</summary>
    public int Version { get; private set; }

    /// <summary>The state as JSON: <c>{"ok":true,"version":3}</c> or <c>{"ok":false,"version":3,"errors":[...]}</c>.</summary>
    public string Json()
    {
        lock (_gate)
        {
            return _errors is null
                ? JsonSerializer.Serialize(new { ok = true, version = Version })
                : JsonSerializer.Serialize(new { ok = false, version = Version, errors = _errors });
        }
    }

    /// <summary>A good build: open pages reload.</summary>
    public void Succeed()
    {
        lock (_gate)
        {
            Version++;
            _errors = null;
        }

        Broadcast();
    }

    /// <summary>A failed build: open pages show the errors over the last good version.</summary>
    public void Fail(IReadOnlyList<string> errors)
    {
        lock (_gate) _errors = errors;
        Broadcast();
    }

    /// <summary>Ends every open event stream, so the server can stop.</summary>
    public void Close()
    {
        lock (_gate)
        {
            foreach (var s in _subscribers) s.Writer.TryComplete();
            _subscribers.Clear();
        }
    }

    /// <summary>Serves one page's event stream until it disconnects.</summary>
    public async Task Stream(HttpContext context)
    {
        context.Response.ContentType = "text/event-stream";
        var channel = Channel.CreateUnbounded<string>();
        lock (_gate) _subscribers.Add(channel);
        try
        {
            channel.Writer.TryWrite(Json());
            await foreach (var message in channel.Reader.ReadAllAsync(context.RequestAborted))
            {
                await context.Response.WriteAsync($"data: {message}\n\n", context.RequestAborted);
                await context.Response.Body.FlushAsync(context.RequestAborted);
            }
        }
        catch (OperationCanceledException)
        {
            // The page was closed or reloaded.
        }
        finally
        {
            lock (_gate) _subscribers.Remove(channel);
        }
    }

    private void Broadcast()
    {
        var message = Json();
        lock (_gate)
        {
            foreach (var s in _subscribers) s.Writer.TryWrite(message);
        }
    }
}
