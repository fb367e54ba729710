using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CareForAll.SslCommerzSandbox.Tests;

/// <summary>
/// A merchant stand-in on a real port: records every form post, answers the IPN path 200 (or a scripted number of
/// 500s first) and the browser paths 303, as the payments service does.
/// </summary>
internal sealed class MerchantReceiver : IAsyncDisposable
{
    private readonly ConcurrentQueue<ReceivedPost> _posts = new();
    private readonly ConcurrentDictionary<string, int> _failuresLeft = new(StringComparer.Ordinal);
    private WebApplication? _app;

    public string BaseUrl { get; private set; } = "";

    public string IpnUrl => BaseUrl + "/ipn";
    public string SuccessUrl => BaseUrl + "/return/success";
    public string FailUrl => BaseUrl + "/return/fail";
    public string CancelUrl => BaseUrl + "/return/cancel";

    /// <summary>The posts received for one tran_id, in arrival order.</summary>
    public IReadOnlyList<ReceivedPost> PostsFor(string tranId) => [.. _posts.Where(post => post.TranId == tranId)];

    /// <summary>The next <paramref name="count"/> IPNs for <paramref name="tranId"/> are answered 500.</summary>
    public void FailFirstIpns(string tranId, int count) => _failuresLeft[tranId] = count;

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        _app.MapPost("/{**path}", (Func<HttpContext, Task<IResult>>)ReceiveAsync);
        await _app.StartAsync();
        BaseUrl = _app.Urls.Single().TrimEnd('/');
    }

    private async Task<IResult> ReceiveAsync(HttpContext context)
    {
        var form = await context.Request.ReadFormAsync();
        var fields = form.ToDictionary(field => field.Key, field => field.Value.ToString(), StringComparer.Ordinal);
        var post = new ReceivedPost(context.Request.Path, context.Request.ContentType, fields, DateTimeOffset.UtcNow);
        _posts.Enqueue(post);

        if (post.Path.StartsWith("/return/", StringComparison.Ordinal))
        {
            return Results.Redirect($"/donate/result?tranId={post.TranId}");
        }

        if (post.TranId is { } tranId && _failuresLeft.TryGetValue(tranId, out var left) && left > 0)
        {
            _failuresLeft[tranId] = left - 1;
            return Results.Text("try again later", statusCode: StatusCodes.Status500InternalServerError);
        }

        return Results.Text("IPN received");
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
