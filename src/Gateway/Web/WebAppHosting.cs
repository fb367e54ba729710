using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.Options;

namespace CareForAll.Gateway.Web;

/// <summary>Hosts the web app's production build at the gateway's root, the API's own origin.</summary>
internal static partial class WebAppHosting
{
    private const string LoggerCategory = "CareForAll.Gateway.Web";

    public static IServiceCollection AddWebApp(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WebOptions>().Bind(configuration.GetSection(WebOptions.SectionName));
        // A singleton built by the container, so the container disposes the file provider with it.
        services.AddSingleton(provider => WebAppRoot.Open(
            provider.GetRequiredService<IOptions<WebOptions>>().Value,
            provider.GetRequiredService<IWebHostEnvironment>().ContentRootPath));
        // Donors arrive on phones over mobile data: the app's script shrinks to about a third. Only the web app's
        // own public files go through it (see UseWebApp), never an API answer that carries a token or a donor's data.
        services.AddResponseCompression(options =>
        {
            options.EnableForHttps = true;
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
            options.MimeTypes = ResponseCompressionDefaults.MimeTypes.Concat(["image/svg+xml", "application/manifest+json"]);
        });
        services.Configure<BrotliCompressionProviderOptions>(options => options.Level = CompressionLevel.Optimal);
        services.Configure<GzipCompressionProviderOptions>(options => options.Level = CompressionLevel.Optimal);
        return services;
    }

    /// <summary>
    /// Adds <see cref="WebAppMiddleware"/> when the build is there; otherwise the gateway stays API-only and says
    /// so once. Belongs right after routing (it must see what matched) and before authentication.
    /// </summary>
    public static IApplicationBuilder UseWebApp(this IApplicationBuilder app)
    {
        var root = app.ApplicationServices.GetRequiredService<WebAppRoot>();
        var logger = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger(LoggerCategory);
        if (root.Files is null)
        {
            logger.WebAppMissing(root.Path, root.Problem ?? "it cannot be read");
            return app;
        }

        logger.WebAppServed(root.Path);
        return app.UseWhen(WebAppMiddleware.IsUnclaimed, web => web
            .UseResponseCompression()
            .UseMiddleware<WebAppMiddleware>(root.Files));
    }

    [LoggerMessage(1, LogLevel.Warning, "No web app is served from {Root}: {Problem}. The gateway answers the API only; set Web:Root to the web app's build")]
    private static partial void WebAppMissing(this ILogger logger, string root, string problem);

    [LoggerMessage(2, LogLevel.Information, "Serving the web app from {Root}")]
    private static partial void WebAppServed(this ILogger logger, string root);
}
