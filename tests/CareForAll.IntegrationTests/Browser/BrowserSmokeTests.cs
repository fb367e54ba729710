using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CareForAll.IntegrationTests.Browser;

[Collection(SharedPlatform.Name)]
public sealed class BrowserSmokeTests(PlatformFixture platform)
{
    [Fact]
    public async Task the_gateway_answers_the_browser_with_its_health_and_security_headers()
    {
        await using var session = await platform.NewBrowserSessionAsync(Viewports.Phone);
        await session.RunAsync(async page =>
        {
            var response = await page.GotoAsync("/health");

            response.ShouldNotBeNull();
            response.Status.ShouldBe(200);
            page.Url.ShouldStartWith(platform.Gateway.BaseAddress!.GetLeftPart(UriPartial.Authority));
            (await response.HeaderValueAsync("content-security-policy")).ShouldNotBeNull().ShouldContain("frame-ancestors 'none'");
            (await response.HeaderValueAsync("x-content-type-options")).ShouldBe("nosniff");
            await Expect(page.Locator("body")).ToHaveTextAsync("Healthy");
            // Chromium asks for /favicon.ico itself when a page names no icon, as /health does not.
            session.ShouldHaveNoErrors(ignoring: "favicon.ico");
        });
    }

    [Fact]
    public async Task a_failing_browser_test_leaves_a_full_page_screenshot_and_the_console_log_and_still_fails()
    {
        await using var session = await platform.NewBrowserSessionAsync(Viewports.Desktop);
        var name = BrowserArtifacts.FileNameFor(session.TestName);
        var screenshot = Path.Combine(BrowserArtifacts.FailureDirectory, name + ".png");
        var log = Path.Combine(BrowserArtifacts.FailureDirectory, name + ".log");
        Directory.CreateDirectory(BrowserArtifacts.FailureDirectory);
        File.Delete(screenshot);
        File.Delete(log);
        var marker = $"marker-{Guid.NewGuid():N}";
        var failure = new InvalidOperationException("the donate button never appeared");

        try
        {
            var thrown = await Should.ThrowAsync<InvalidOperationException>(() => session.RunAsync(async page =>
            {
                await page.GotoAsync("/health");
                await page.EvaluateAsync("m => console.error(m)", marker);
                await page.EvaluateAsync("() => setTimeout(() => { throw new Error('uncaught in the page'); })");
                await Expect(page.Locator("body")).ToHaveTextAsync("Healthy");
                // Both events reach the session asynchronously.
                await Eventually.UntilAsync(() => Task.FromResult(session.PageErrors.Count > 0 && session.ConsoleErrors.Count > 0),
                    TimeSpan.FromSeconds(10), "the page's error and console message were recorded");
                throw failure;
            }));

            thrown.ShouldBeSameAs(failure);
            session.TestName.ShouldBe($"{nameof(BrowserSmokeTests)}.{nameof(a_failing_browser_test_leaves_a_full_page_screenshot_and_the_console_log_and_still_fails)}");
            File.Exists(screenshot).ShouldBeTrue(screenshot);
            var png = await File.ReadAllBytesAsync(screenshot);
            png.Take(8).ShouldBe(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A });
            PngWidth(png).ShouldBe(Viewports.Desktop.Width);
            var text = await File.ReadAllTextAsync(log);
            text.ShouldContain(failure.Message);
            text.ShouldContain($"[error] {marker}");
            text.ShouldContain("[pageerror]");
            text.ShouldContain("uncaught in the page");
            text.ShouldContain("/health");
        }
        finally
        {
            // This failure was on purpose: leaving its artefacts would send whoever reads the results after a real one.
            File.Delete(screenshot);
            File.Delete(log);
        }
    }

    [Fact]
    public async Task a_docs_screenshot_is_taken_only_when_asked_for_and_shows_the_viewport()
    {
        await using var session = await platform.NewBrowserSessionAsync(Viewports.Phone);
        await session.Page.GotoAsync("/health");
        var previous = Environment.GetEnvironmentVariable("CAREFORALL_SCREENSHOTS_DIR");
        var directory = Path.Combine(Path.GetTempPath(), $"careforall-screenshots-{Guid.NewGuid():N}");
        try
        {
            Environment.SetEnvironmentVariable("CAREFORALL_SCREENSHOTS_DIR", null);
            (await session.ScreenshotForDocsAsync("health")).ShouldBeNull();

            Environment.SetEnvironmentVariable("CAREFORALL_SCREENSHOTS_DIR", directory);
            var path = await session.ScreenshotForDocsAsync("health");

            path.ShouldBe(Path.Combine(directory, "health.png"));
            PngWidth(await File.ReadAllBytesAsync(path!)).ShouldBe(Viewports.Phone.Width);
        }
        finally
        {
            Environment.SetEnvironmentVariable("CAREFORALL_SCREENSHOTS_DIR", previous);
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }

    [Fact]
    public async Task the_browser_cannot_reach_outside_hosts()
    {
        await using var session = await platform.NewBrowserSessionAsync();

        var error = await Should.ThrowAsync<PlaywrightException>(() => session.Page.GotoAsync("http://example.org/"));

        error.Message.ShouldContain("ERR_NAME_NOT_RESOLVED");
    }

    [Fact]
    public async Task axe_names_each_serious_violation_with_its_rule_impact_help_and_element()
    {
        await using var session = await platform.NewBrowserSessionAsync();
        await session.Page.SetContentAsync(
            """
            <html lang="en"><head><title>Campaign</title></head>
            <body><main><h1>Campaign</h1><img id="cover" src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><button id="give"></button></main></body></html>
            """);

        var error = await Record.ExceptionAsync(() => session.ShouldBeAccessibleAsync());

        error.ShouldBeOfType<ShouldAssertException>();
        error.Message.ShouldContain("image-alt (critical)");
        error.Message.ShouldContain("#cover");
        error.Message.ShouldContain("button-name (critical)");
        error.Message.ShouldContain("#give");
        error.Message.ShouldContain("https://dequeuniversity.com/rules/axe/");

        await session.Page.SetContentAsync(
            """
            <html lang="en"><head><title>Campaign</title></head>
            <body><main><h1>Campaign</h1><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt="A child in hospital"><button>Donate</button></main></body></html>
            """);
        await session.ShouldBeAccessibleAsync();
    }

    /// <summary>The image width from a PNG's header, to tell a viewport shot from a full-page one.</summary>
    private static int PngWidth(byte[] png) => (png[16] << 24) | (png[17] << 16) | (png[18] << 8) | png[19];
}
