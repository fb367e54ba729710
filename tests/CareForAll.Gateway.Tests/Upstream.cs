using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CareForAll.Gateway.Tests;

/// <summary>
/// A service behind the gateway: answers every path with the headers it received, counts hits per path, and
/// sends headers the gateway must override (Server, a laxer X-Frame-Options).
/// </summary>
internal sealed class Upstream : IAsyncDisposable
{
    private readonly WebApplication _app;

    private Upstream(WebApplication app) => _app = app;

    public ConcurrentDictionary<string, int> Hits { get; } = new();

    public string Address => _app.Urls.Single();

    public int HitsOn(string path) => Hits.GetValueOrDefault(path);

    private readonly ConcurrentDictionary<string, (TaskCompletionSource Arrived, TaskCompletionSource Release)> _holds = new();

    /// <summary>Holds the next request for <paramref name="path"/> until released, to let something happen meanwhile.</summary>
    public (Task Arrived, Action Release) HoldNext(string path)
    {
        var hold = (Arrived: new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously),
            Release: new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        _holds[path] = hold;
        return (hold.Arrived.Task, () => hold.Release.TrySetResult());
    }

    public static async Task<Upstream> StartAsync()
    {
        var builder = WebApplication.CreateBuilder();
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.Urls.Add("http://127.0.0.1:0");
        var upstream = new Upstream(app);
        app.Map("/{**path}", async (HttpContext context) =>
        {
            upstream.Hits.AddOrUpdate(context.Request.Path.Value!, 1, (_, n) => n + 1);
            if (upstream._holds.TryRemove(context.Request.Path.Value!, out var hold))
            {
                hold.Arrived.TrySetResult();
                await hold.Release.Task;
            }

            context.Response.Headers.Server = "upstream-server";
            context.Response.Headers.XFrameOptions = "SAMEORIGIN";
            var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
            return Results.Json(new { path = context.Request.Path.Value, headers });
        });
        await app.StartAsync();
        return upstream;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
