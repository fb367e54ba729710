using System.Runtime.CompilerServices;
using Microsoft.Playwright;

namespace CareForAll.IntegrationTests.Browser;

/// <summary>
/// One Playwright driver and one Chromium for the whole test run, started by the first browser session and closed
/// when the run ends. Sessions are cheap isolated contexts of that one browser, so each test starts from a clean slate
/// without paying for another browser start on two cores.
/// </summary>
public sealed class BrowserFixture : IAsyncDisposable
{
    /// <summary>Per action (click, fill, wait for a selector): generous because two cores also run the whole platform.</summary>
    public static readonly TimeSpan ActionTimeout = TimeSpan.FromSeconds(15);

    /// <summary>Per navigation: the first request to a service after start-up can be slow.</summary>
    public static readonly TimeSpan NavigationTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Per <c>Expect(...)</c> assertion, which retries until it holds or this elapses.</summary>
    public static readonly TimeSpan ExpectTimeout = TimeSpan.FromSeconds(15);

    private static readonly TimeSpan LaunchTimeout = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Chromium's own lookups of outside hosts (updates, safe browsing, fonts) go nowhere, so a test can never depend on
    /// the internet. Loopback stays reachable under every name the platform's addresses use: the rule applies to IP
    /// literals too, so each one is excluded by name.
    /// </summary>
    public const string HostResolverRules = "MAP * ~NOTFOUND , EXCLUDE localhost , EXCLUDE 127.0.0.1 , EXCLUDE ::1";

    public static IReadOnlyList<string> LaunchArguments { get; } =
    [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
        $"--host-resolver-rules={HostResolverRules}",
    ];

    /// <summary>The run's one browser. Nothing starts until the first session asks for it.</summary>
    public static BrowserFixture Shared { get; } = new();

    private readonly SemaphoreSlim _gate = new(1, 1);
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    private BrowserFixture()
    {
        // xunit 2 has no end-of-run hook for the assembly, and every test shares one collection whose fixture this
        // cannot join; the driver would stop Chromium when the test host exits anyway, this closes it in order.
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                DisposeAsync().AsTask().Wait(TimeSpan.FromSeconds(10));
            }
            catch (AggregateException)
            {
                // The run is over; a browser that will not close is ended with the driver.
            }
        };
    }

    /// <summary>Debian's Chromium unless <c>CHROMIUM_PATH</c> names another: the tests never download a browser.</summary>
    public static string ExecutablePath =>
        Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    /// <summary>The run's browser, launched on first use and again if it crashed.</summary>
    public async Task<IBrowser> GetBrowserAsync()
    {
        await _gate.WaitAsync();
        try
        {
            if (_browser is { IsConnected: true })
            {
                return _browser;
            }

            if (!File.Exists(ExecutablePath))
            {
                throw new InvalidOperationException(
                    $"No Chromium at {ExecutablePath}. Install it with eng/prerequisites.sh (install_chromium), or set CHROMIUM_PATH.");
            }

            // Expect(...) reads a process-wide default.
            Assertions.SetDefaultExpectTimeout((float)ExpectTimeout.TotalMilliseconds);
            _playwright ??= await Playwright.CreateAsync();
            if (_browser is not null)
            {
                await _browser.DisposeAsync();
            }

            _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ExecutablePath,
                Headless = true,
                Args = LaunchArguments,
                Timeout = (float)LaunchTimeout.TotalMilliseconds,
            });
            return _browser;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// A fresh browser context and page whose relative URLs resolve against <paramref name="baseUrl"/>. The test's name
    /// (filled in by the compiler) names the artefacts saved when the test fails.
    /// </summary>
    public async Task<BrowserSession> NewSessionAsync(
        Uri baseUrl,
        BrowserViewport? viewport = null,
        string locale = "en-US",
        [CallerMemberName] string testName = "",
        [CallerFilePath] string testFile = "")
    {
        var browser = await GetBrowserAsync();
        viewport ??= Viewports.Desktop;
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl.ToString(),
            ViewportSize = new ViewportSize { Width = viewport.Width, Height = viewport.Height },
            IsMobile = viewport.IsMobile,
            HasTouch = viewport.IsMobile,
            DeviceScaleFactor = viewport.DeviceScaleFactor,
            Locale = locale,
            // Dates on the site are Dhaka time whatever the donor's device says; a fixed zone keeps that honest.
            TimezoneId = "Asia/Dhaka",
            // A service worker would answer from its cache and hide what the gateway serves.
            ServiceWorkers = ServiceWorkerPolicy.Block,
        });
        context.SetDefaultTimeout((float)ActionTimeout.TotalMilliseconds);
        context.SetDefaultNavigationTimeout((float)NavigationTimeout.TotalMilliseconds);
        return await BrowserSession.StartAsync(context, QualifiedName(testName, testFile), viewport);
    }

    private static string QualifiedName(string testName, string testFile)
    {
        var type = Path.GetFileNameWithoutExtension(testFile.Replace('\\', '/').Split('/')[^1]);
        return string.IsNullOrEmpty(type) ? testName : $"{type}.{testName}";
    }

    public async ValueTask DisposeAsync()
    {
        await _gate.WaitAsync();
        try
        {
            if (_browser is not null)
            {
                await _browser.DisposeAsync();
                _browser = null;
            }

            _playwright?.Dispose();
            _playwright = null;
        }
        finally
        {
            _gate.Release();
        }
    }
}

/// <summary>Browser sessions against the platform the run started.</summary>
public static class PlatformBrowserExtensions
{
    /// <summary>A browser session whose relative URLs go to the gateway, as a donor's browser would.</summary>
    public static Task<BrowserSession> NewBrowserSessionAsync(
        this PlatformFixture platform,
        BrowserViewport? viewport = null,
        string locale = "en-US",
        [CallerMemberName] string testName = "",
        [CallerFilePath] string testFile = "") =>
        BrowserFixture.Shared.NewSessionAsync(
            platform.Gateway.BaseAddress ?? throw new InvalidOperationException("The platform has not started."),
            viewport, locale, testName, testFile);
}
