using CareForAll.Gateway.Errors;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace CareForAll.Gateway.Web;

/// <summary>
/// Serves the web app on the GET/HEAD paths no gateway endpoint claims: a file of the build if there is one,
/// else <c>index.html</c> for a browser asking for a page (a client route such as <c>/campaigns/42</c>), else
/// the 404 envelope. <c>/api</c>, <c>/health</c> and <c>/alive</c> are never answered with the web app.
/// </summary>
internal sealed class WebAppMiddleware
{
    /// <summary>For the build's hashed files: a new build has new names, so a copy never needs checking.</summary>
    public const string ImmutableCacheControl = "public, max-age=31536000, immutable";

    /// <summary>For index.html and unhashed files: checked on every use, so a new deploy is picked up at once.</summary>
    public const string RevalidateCacheControl = "no-cache";

    private static readonly PathString AssetsPrefix = new("/assets");
    private static readonly PathString IndexPath = new("/" + WebAppRoot.IndexFile);
    private static readonly PathString[] GatewayPrefixes = [new("/api"), new("/health"), new("/alive")];
    private static readonly FileExtensionContentTypeProvider ContentTypes = CreateContentTypes();

    private readonly RequestDelegate _files;
    private readonly RequestDelegate _index;

    // The branch ends here (every request that reaches it is answered), so the next middleware is never called.
    public WebAppMiddleware(RequestDelegate next, IFileProvider files, IWebHostEnvironment environment, ILoggerFactory loggerFactory)
    {
        _index = new StaticFileMiddleware(GatewayErrors.NotFoundAsync, environment, ServeFrom(files, PrepareIndex), loggerFactory).Invoke;
        _files = new StaticFileMiddleware(NotAFileAsync, environment, ServeFrom(files, PrepareFile), loggerFactory).Invoke;
    }

    /// <summary>Only ever reached for unclaimed reads: <see cref="WebAppHosting.UseWebApp"/> mounts it behind <see cref="IsUnclaimed"/>.</summary>
    public Task InvokeAsync(HttpContext context)
    {
        // The static-file middleware leaves alone whatever an endpoint claimed, and here only the not-found fallback did.
        context.SetEndpoint(null);
        return _files(context);
    }

    /// <summary>A read the gateway itself has nothing for (its only match is the not-found fallback).</summary>
    internal static bool IsUnclaimed(HttpContext context)
    {
        var request = context.Request;
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
        {
            return false;
        }

        foreach (var prefix in GatewayPrefixes)
        {
            if (request.Path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        var endpoint = context.GetEndpoint();
        return endpoint is null || endpoint.Metadata.GetMetadata<UnclaimedPathFallback>() is not null;
    }

    /// <summary>A browser navigating to a client route: no file extension, and HTML is acceptable.</summary>
    internal static bool IsPageRequest(HttpRequest request) => !NamesAFile(request.Path) && AcceptsHtml(request);

    internal static bool NamesAFile(PathString path)
    {
        var value = path.Value ?? string.Empty;
        return value.AsSpan(value.LastIndexOf('/') + 1).Contains('.');
    }

    internal static bool AcceptsHtml(HttpRequest request)
    {
        // No Accept header at all means anything is acceptable.
        if (request.Headers.Accept.Count == 0)
        {
            return true;
        }

        foreach (var type in request.GetTypedHeaders().Accept)
        {
            if (type.Quality is not 0
                && (type.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase)
                    || type.MediaType.Equals("text/*", StringComparison.OrdinalIgnoreCase)
                    || type.MediaType.Equals("*/*", StringComparison.Ordinal)))
            {
                return true;
            }
        }

        return false;
    }

    private Task NotAFileAsync(HttpContext context) =>
        IsPageRequest(context.Request) ? ServeIndexAsync(context) : GatewayErrors.NotFoundAsync(context);

    private async Task ServeIndexAsync(HttpContext context)
    {
        var path = context.Request.Path;
        context.Request.Path = IndexPath;
        try
        {
            await _index(context);
        }
        finally
        {
            context.Request.Path = path;
        }
    }

    private static void PrepareFile(StaticFileResponseContext file)
    {
        var context = file.Context;
        context.Response.Headers.CacheControl = context.Request.Path.StartsWithSegments(AssetsPrefix, StringComparison.OrdinalIgnoreCase)
            ? ImmutableCacheControl
            : RevalidateCacheControl;
    }

    private static void PrepareIndex(StaticFileResponseContext file)
    {
        var headers = file.Context.Response.Headers;
        headers.CacheControl = RevalidateCacheControl;
        // The same URL answers JSON 404 to a client that does not take HTML.
        headers.Vary = HeaderNames.Accept;
    }

    private static IOptions<StaticFileOptions> ServeFrom(IFileProvider files, Action<StaticFileResponseContext> prepare) =>
        Options.Create(new StaticFileOptions
        {
            FileProvider = files,
            ContentTypeProvider = ContentTypes,
            OnPrepareResponse = prepare,
        });

    private static FileExtensionContentTypeProvider CreateContentTypes()
    {
        var types = new FileExtensionContentTypeProvider();
        // With nosniff a browser refuses a module script, manifest or font served under the wrong type.
        types.Mappings[".js"] = "text/javascript";
        types.Mappings[".mjs"] = "text/javascript";
        types.Mappings[".css"] = "text/css";
        types.Mappings[".svg"] = "image/svg+xml";
        types.Mappings[".webmanifest"] = "application/manifest+json";
        types.Mappings[".woff2"] = "font/woff2";
        types.Mappings[".map"] = "application/json";
        return types;
    }
}

/// <summary>Marks the gateway's not-found fallback: a path it matches is free for the web app.</summary>
internal sealed class UnclaimedPathFallback
{
    public static readonly UnclaimedPathFallback Instance = new();

    private UnclaimedPathFallback()
    {
    }
}
