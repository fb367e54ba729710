using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Net.Http.Headers;

namespace CareForAll.Gateway.Caching;

/// <summary>
/// Output cache policy for public campaign reads (a route opts in with <c>"OutputCachePolicy":
/// "campaign-pages"</c>). Only anonymous GET/HEAD answers 200 are stored, tagged so a campaign event can
/// evict them; <see cref="GatewayOptions.CacheEntryMaxAge"/> is only an upper bound, never the way fresh
/// data arrives. A service can refuse caching of one answer with <c>Cache-Control: no-store</c> or
/// <c>private</c>. An answer whose campaign (or list) was evicted while it was being computed is served but not
/// stored (<see cref="EvictionMarks"/>).
/// </summary>
internal sealed class CampaignPagesCachePolicy(TimeSpan maxAge) : IOutputCachePolicy
{
    public const string Name = "campaign-pages";

    private static readonly PathString CampaignsPrefix = new("/api/campaigns");
    private static readonly object RequestStartKey = new();
    private static readonly object TagKey = new();

    public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellationToken)
    {
        var request = context.HttpContext.Request;
        var cacheable = (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            && !request.Headers.ContainsKey(HeaderNames.Authorization)
            && context.HttpContext.User.Identity?.IsAuthenticated != true;

        context.EnableOutputCaching = true;
        context.AllowCacheLookup = cacheable;
        context.AllowCacheStorage = cacheable;
        context.AllowLocking = true;
        context.ResponseExpirationTimeSpan = maxAge;
        var tag = CampaignIdOf(request.Path) is { } campaignId ? CacheTags.Campaign(campaignId) : CacheTags.CampaignLists;
        context.Tags.Add(CacheTags.Campaigns);
        context.Tags.Add(tag);
        var items = context.HttpContext.Items;
        items[RequestStartKey] = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        items[TagKey] = tag;

        return ValueTask.CompletedTask;
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellationToken) =>
        ValueTask.CompletedTask;

    public async ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellationToken)
    {
        var response = context.HttpContext.Response;
        var cacheControl = response.Headers.CacheControl.ToString();
        if (response.StatusCode != StatusCodes.Status200OK
            || response.Headers.ContainsKey(HeaderNames.SetCookie)
            || cacheControl.Contains("no-store", StringComparison.OrdinalIgnoreCase)
            || cacheControl.Contains("private", StringComparison.OrdinalIgnoreCase))
        {
            context.AllowCacheStorage = false;
        }

        var items = context.HttpContext.Items;
        if (context.AllowCacheStorage
            && items[RequestStartKey] is DateTimeOffset started
            && items[TagKey] is string tag
            && await EvictionMarks.EvictedSinceAsync(
                context.HttpContext.RequestServices.GetRequiredService<IOutputCacheStore>(), tag, started, cancellationToken))
        {
            context.AllowCacheStorage = false;
        }
    }

    /// <summary>The campaign id in <c>/api/campaigns/{id}[/...]</c>, if the path has one.</summary>
    internal static Guid? CampaignIdOf(PathString path)
    {
        if (!path.StartsWithSegments(CampaignsPrefix, StringComparison.OrdinalIgnoreCase, out var rest) || !rest.HasValue)
        {
            return null;
        }

        var segments = rest.Value!.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return segments.Length > 0 && Guid.TryParse(segments[0], out var id) ? id : null;
    }
}
