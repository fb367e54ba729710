using System.Net;
using System.Net.Http.Headers;
using System.Text;
using CareForAll.Gateway.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CareForAll.Gateway.Tests;

/// <summary>The web app's build served by the gateway at its root, beside the API.</summary>
public sealed class WebAppHostingTests : IDisposable
{
    private const string IndexHtml = "<!doctype html><html><head><title>CareForAll</title></head><body><div id=\"root\"></div></body></html>";
    private const string AppJs = "console.log('careforall');";
    private const string Immutable = "public, max-age=31536000, immutable";

    private readonly string _root = Path.Combine(Path.GetTempPath(), "careforall-web-" + Guid.NewGuid().ToString("N"));

    public WebAppHostingTests()
    {
        Directory.CreateDirectory(Path.Combine(_root, "assets"));
        File.WriteAllText(Path.Combine(_root, "index.html"), IndexHtml);
        File.WriteAllText(Path.Combine(_root, "assets", "app-abc123.js"), AppJs);
        File.WriteAllText(Path.Combine(_root, "assets", "inter-abc123.woff2"), "font");
        File.WriteAllText(Path.Combine(_root, "favicon.svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
        File.WriteAllText(Path.Combine(_root, "manifest.webmanifest"), "{}");
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private Task<GatewayHarness> StartAsync(Dictionary<string, string?>? settings = null)
    {
        settings ??= [];
        settings.TryAdd("Web:Root", _root);
        return GatewayHarness.StartAsync(settings);
    }

    private static Task<HttpResponseMessage> PageAsync(GatewayHarness gateway, string path, HttpMethod? method = null, string accept = "text/html,application/xhtml+xml,*/*;q=0.8") =>
        gateway.SendAsync(method ?? HttpMethod.Get, path, configure: request => request.Headers.TryAddWithoutValidation("Accept", accept));

    private static async Task ShouldBeIndexAsync(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        response.Headers.CacheControl!.ToString().ShouldBe("no-cache");
        (await response.Content.ReadAsStringAsync()).ShouldBe(IndexHtml);
    }

    private static async Task ShouldBeNotFoundEnvelopeAsync(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        var body = await GatewayHarness.JsonAsync(response);
        body.GetProperty("success").GetBoolean().ShouldBeFalse();
        body.GetProperty("error").GetProperty("code").GetString().ShouldBe("NOT_FOUND");
    }

    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    public async Task the_web_app_is_compressed_for_a_browser_that_accepts_it(string encoding)
    {
        File.WriteAllText(Path.Combine(_root, "assets", "big-abc123.js"), string.Concat(Enumerable.Repeat(AppJs, 200)));
        await using var gateway = await StartAsync();

        using var asset = await gateway.SendAsync(HttpMethod.Get, "/assets/big-abc123.js",
            configure: request => request.Headers.TryAddWithoutValidation("Accept-Encoding", encoding));
        using var page = await gateway.SendAsync(HttpMethod.Get, "/campaigns/42", configure: request =>
        {
            request.Headers.TryAddWithoutValidation("Accept", "text/html");
            request.Headers.TryAddWithoutValidation("Accept-Encoding", encoding);
        });
        using var api = await gateway.SendAsync(HttpMethod.Get, "/api/nope",
            configure: request => request.Headers.TryAddWithoutValidation("Accept-Encoding", encoding));

        asset.Content.Headers.ContentEncoding.ShouldBe([encoding]);
        (await asset.Content.ReadAsByteArrayAsync()).Length.ShouldBeLessThan(AppJs.Length * 200 / 4);
        asset.Headers.CacheControl!.ToString().ShouldBe(Immutable);
        page.Content.Headers.ContentEncoding.ShouldBe([encoding]);
        api.Content.Headers.ContentEncoding.ShouldBeEmpty();
    }

    [Fact]
    public async Task the_root_serves_index_html_revalidated_on_every_use()
    {
        await using var gateway = await StartAsync();

        using var response = await PageAsync(gateway, "/");

        await ShouldBeIndexAsync(response);
    }

    [Theory]
    [InlineData("/campaigns/42")]
    [InlineData("/donate/result?status=success&pledge=7")]
    [InlineData("/organiser/campaigns/")]
    public async Task client_routes_serve_index_html(string path)
    {
        await using var gateway = await StartAsync();

        using var response = await PageAsync(gateway, path);

        await ShouldBeIndexAsync(response);
        response.Headers.Vary.ShouldContain("Accept");
        gateway.Upstream.Hits.ShouldBeEmpty();
    }

    [Fact]
    public async Task a_hashed_asset_is_cached_for_good_as_javascript()
    {
        await using var gateway = await StartAsync();

        using var response = await gateway.GetAsync("/assets/app-abc123.js");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/javascript");
        response.Headers.CacheControl!.ToString().ShouldBe(Immutable);
        (await response.Content.ReadAsStringAsync()).ShouldBe(AppJs);
    }

    [Theory]
    [InlineData("/assets/inter-abc123.woff2", "font/woff2", Immutable)]
    [InlineData("/favicon.svg", "image/svg+xml", "no-cache")]
    [InlineData("/manifest.webmanifest", "application/manifest+json", "no-cache")]
    [InlineData("/index.html", "text/html", "no-cache")]
    public async Task files_carry_their_content_type_and_only_assets_are_immutable(string path, string contentType, string cacheControl)
    {
        await using var gateway = await StartAsync();

        using var response = await gateway.GetAsync(path);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe(contentType);
        response.Headers.CacheControl!.ToString().ShouldBe(cacheControl);
    }

    [Theory]
    [InlineData("/assets/missing.js")]
    [InlineData("/assets/app-abc999.css")]
    [InlineData("/favicon.png")]
    public async Task a_missing_file_is_404_not_the_page(string path)
    {
        await using var gateway = await StartAsync();

        using var response = await PageAsync(gateway, path);

        await ShouldBeNotFoundEnvelopeAsync(response);
    }

    [Theory]
    [InlineData("/api/nope")]
    [InlineData("/api")]
    [InlineData("/API/campaigns-typo/42")]
    [InlineData("/health/nope")]
    [InlineData("/internal/users")]
    public async Task gateway_paths_never_answer_the_page_even_to_a_browser(string path)
    {
        await using var gateway = await StartAsync();

        using var response = await PageAsync(gateway, path);

        await ShouldBeNotFoundEnvelopeAsync(response);
    }

    [Fact]
    public async Task gateway_endpoints_outside_api_keep_their_own_answers()
    {
        var settings = new Dictionary<string, string?>
        {
            ["ReverseProxy:Routes:status:ClusterId"] = "upstream",
            ["ReverseProxy:Routes:status:Match:Path"] = "/status",
            ["ReverseProxy:Routes:status:Metadata:RateLimitBudget"] = "auth",
        };
        await using var gateway = await StartAsync(settings);

        using var health = await PageAsync(gateway, "/health");
        using var status = await PageAsync(gateway, "/status");

        health.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await health.Content.ReadAsStringAsync()).ShouldBe("Healthy");
        status.StatusCode.ShouldBe(HttpStatusCode.OK);
        gateway.Upstream.HitsOn("/status").ShouldBe(1);
    }

    [Fact]
    public async Task pages_and_assets_carry_the_security_headers()
    {
        const string policy = "default-src 'self'; object-src 'none'";
        await using var gateway = await StartAsync(new() { ["Gateway:ContentSecurityPolicy"] = policy });

        using var page = await PageAsync(gateway, "/index.html");
        using var clientRoute = await PageAsync(gateway, "/campaigns/42");
        using var asset = await gateway.GetAsync("/assets/app-abc123.js");

        foreach (var response in new[] { page, clientRoute, asset })
        {
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            response.Headers.GetValues("Content-Security-Policy").ShouldBe([policy]);
            response.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
            response.Headers.GetValues("X-Frame-Options").ShouldBe(["DENY"]);
            response.Headers.Contains("Server").ShouldBeFalse();
        }
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/campaigns/42")]
    public async Task head_answers_the_pages_headers_without_a_body(string path)
    {
        await using var gateway = await StartAsync();

        using var response = await PageAsync(gateway, path, HttpMethod.Head);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        response.Content.Headers.ContentLength.ShouldBe(Encoding.UTF8.GetByteCount(IndexHtml));
        response.Headers.CacheControl!.ToString().ShouldBe("no-cache");
        (await response.Content.ReadAsByteArrayAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task head_on_an_asset_keeps_its_caching()
    {
        await using var gateway = await StartAsync();

        using var response = await gateway.SendAsync(HttpMethod.Head, "/assets/app-abc123.js");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.CacheControl!.ToString().ShouldBe(Immutable);
        response.Content.Headers.ContentLength.ShouldBe(AppJs.Length);
    }

    [Theory]
    [InlineData("POST")]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    public async Task other_methods_on_a_client_route_are_not_answered_with_the_page(string method)
    {
        await using var gateway = await StartAsync();

        using var response = await PageAsync(gateway, "/campaigns/42", new HttpMethod(method));

        await ShouldBeNotFoundEnvelopeAsync(response);
    }

    [Fact]
    public async Task a_client_that_does_not_take_html_gets_the_404_envelope()
    {
        await using var gateway = await StartAsync();

        using var response = await PageAsync(gateway, "/campaigns/42", accept: "application/json");

        await ShouldBeNotFoundEnvelopeAsync(response);
    }

    [Fact]
    public async Task an_unchanged_page_is_revalidated_with_304()
    {
        await using var gateway = await StartAsync();
        using var first = await PageAsync(gateway, "/campaigns/42");
        var etag = first.Headers.ETag!;

        using var again = await gateway.SendAsync(HttpMethod.Get, "/campaigns/7", configure: request =>
        {
            request.Headers.TryAddWithoutValidation("Accept", "text/html");
            request.Headers.IfNoneMatch.Add(etag);
        });

        again.StatusCode.ShouldBe(HttpStatusCode.NotModified);
    }

    [Fact]
    public async Task a_new_deploy_is_served_on_the_next_request()
    {
        await using var gateway = await StartAsync();
        using var before = await PageAsync(gateway, "/campaigns/42");
        (await before.Content.ReadAsStringAsync()).ShouldBe(IndexHtml);

        const string deployed = "<!doctype html><title>CareForAll v2</title>";
        await File.WriteAllTextAsync(Path.Combine(_root, "index.html"), deployed);
        using var after = await PageAsync(gateway, "/campaigns/42");

        (await after.Content.ReadAsStringAsync()).ShouldBe(deployed);
    }

    [Fact]
    public async Task a_stale_token_does_not_stand_in_the_way_of_the_pages()
    {
        await using var gateway = await StartAsync();

        using var page = await gateway.SendAsync(HttpMethod.Get, "/campaigns/42", "Bearer expired-or-revoked",
            request => request.Headers.TryAddWithoutValidation("Accept", "text/html"));
        using var asset = await gateway.GetAsync("/assets/app-abc123.js", "Bearer expired-or-revoked");
        using var api = await gateway.GetAsync("/api/auth/profile", "Bearer expired-or-revoked");

        await ShouldBeIndexAsync(page);
        asset.StatusCode.ShouldBe(HttpStatusCode.OK);
        api.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task loading_pages_spends_no_api_budget()
    {
        var settings = new Dictionary<string, string?>();
        GatewayHarness.AddRule(settings, "Budgets:auth", 2, "00:15:00");
        GatewayHarness.AddRule(settings, "Budgets:campaigns", 2, "00:15:00");
        await using var gateway = await StartAsync(settings);

        // A phone opening a few pages: each one the page and its files.
        for (var i = 0; i < 10; i++)
        {
            using var page = await PageAsync(gateway, $"/campaigns/{i}");
            using var script = await gateway.GetAsync("/assets/app-abc123.js");
            using var icon = await gateway.GetAsync("/favicon.svg");
            page.StatusCode.ShouldBe(HttpStatusCode.OK);
            script.StatusCode.ShouldBe(HttpStatusCode.OK);
            icon.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        (await gateway.GetAsync($"/api/campaigns/{Guid.NewGuid()}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await gateway.GetAsync("/api/auth/profile")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await gateway.GetAsync("/api/auth/profile")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await gateway.GetAsync("/api/auth/profile")).StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task the_api_is_still_proxied_beside_the_web_app()
    {
        await using var gateway = await StartAsync();

        using var response = await PageAsync(gateway, "/api/auth/profile");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        gateway.Upstream.HitsOn("/api/auth/profile").ShouldBe(1);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task without_a_build_the_gateway_answers_the_api_only_and_warns_once(bool folderExists)
    {
        var root = folderExists ? _root : Path.Combine(_root, "not-built");
        if (folderExists)
        {
            File.Delete(Path.Combine(_root, "index.html"));
        }

        var logs = new RecordingLogger();
        await using var gateway = await GatewayHarness.StartAsync(new Dictionary<string, string?> { ["Web:Root"] = root }, logs: logs);

        using var page = await PageAsync(gateway, "/campaigns/42");
        using var asset = await gateway.GetAsync("/assets/app-abc123.js");
        using var api = await gateway.GetAsync("/api/auth/profile");

        await ShouldBeNotFoundEnvelopeAsync(page);
        await ShouldBeNotFoundEnvelopeAsync(asset);
        api.StatusCode.ShouldBe(HttpStatusCode.OK);
        var warning = logs.Entries.Where(e => e.Level >= LogLevel.Warning).ShouldHaveSingleItem();
        warning.Message.ShouldContain(root);
    }

    [Fact]
    public async Task without_a_setting_the_build_in_wwwroot_is_served()
    {
        var contentRoot = Path.Combine(_root, "app");
        var wwwroot = Path.Combine(contentRoot, "wwwroot");
        Directory.CreateDirectory(wwwroot);
        await File.WriteAllTextAsync(Path.Combine(wwwroot, "index.html"), IndexHtml);
        await using var gateway = await GatewayHarness.StartAsync(contentRoot: contentRoot);

        using var response = await PageAsync(gateway, "/campaigns/42");

        await ShouldBeIndexAsync(response);
    }

    [Fact]
    public async Task a_relative_setting_is_read_from_the_content_root()
    {
        await using var gateway = await GatewayHarness.StartAsync(
            new Dictionary<string, string?> { ["Web:Root"] = Path.GetFileName(_root) },
            contentRoot: Path.GetDirectoryName(_root));

        using var response = await PageAsync(gateway, "/");

        await ShouldBeIndexAsync(response);
    }

    [Theory]
    [InlineData("GET", "/campaigns/42", true, true)]
    [InlineData("HEAD", "/campaigns/42", true, true)]
    [InlineData("POST", "/campaigns/42", true, false)]
    [InlineData("OPTIONS", "/campaigns/42", true, false)]
    [InlineData("GET", "/api/nope", true, false)]
    [InlineData("GET", "/alive", true, false)]
    [InlineData("GET", "/status", false, false)]
    public void only_reads_the_gateway_has_nothing_for_reach_the_web_app(string method, string path, bool onlyTheFallbackMatched, bool expected)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = method;
        context.Request.Path = path;
        var metadata = onlyTheFallbackMatched ? new EndpointMetadataCollection(UnclaimedPathFallback.Instance) : EndpointMetadataCollection.Empty;
        context.SetEndpoint(new Endpoint(_ => Task.CompletedTask, metadata, "matched"));

        WebAppMiddleware.IsUnclaimed(context).ShouldBe(expected);
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("text/html", true)]
    [InlineData("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", true)]
    [InlineData("*/*", true)]
    [InlineData("text/*", true)]
    [InlineData("application/json", false)]
    [InlineData("application/json, text/plain", false)]
    [InlineData("text/html;q=0, application/json", false)]
    public void html_is_acceptable_unless_the_accept_header_leaves_it_out(string? accept, bool expected)
    {
        var context = new DefaultHttpContext();
        if (accept is not null)
        {
            context.Request.Headers.Accept = accept;
        }

        WebAppMiddleware.AcceptsHtml(context.Request).ShouldBe(expected);
    }

    [Theory]
    [InlineData("/", false)]
    [InlineData("/campaigns/42", false)]
    [InlineData("/v1.2/campaigns", false)]
    [InlineData("/assets/app-abc123.js", true)]
    [InlineData("/favicon.png", true)]
    [InlineData("/campaigns/42.", true)]
    public void only_the_last_segment_decides_whether_a_path_names_a_file(string path, bool expected)
    {
        WebAppMiddleware.NamesAFile(new PathString(path)).ShouldBe(expected);
    }
}
