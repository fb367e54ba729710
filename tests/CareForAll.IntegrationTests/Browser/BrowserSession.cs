using System.Globalization;
using System.Text;
using Microsoft.Playwright;

namespace CareForAll.IntegrationTests.Browser;

/// <summary>
/// One test's isolated browser (its own cookies and storage) with one page, recording what the page said on its
/// console so a failure can be explained without reproducing it.
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    private readonly object _lock = new();
    private readonly List<string> _log = [];
    private readonly List<string> _pageErrors = [];
    private readonly List<string> _consoleErrors = [];
    private readonly HashSet<IPage> _watched = [];

    private BrowserSession(IBrowserContext context, string testName, BrowserViewport viewport)
    {
        Context = context;
        TestName = testName;
        Viewport = viewport;
    }

    public IBrowserContext Context { get; }

    /// <summary>The page the test drives; pages it opens (pop-ups, new tabs) are recorded too.</summary>
    public IPage Page { get; private set; } = null!;

    public string TestName { get; }

    public BrowserViewport Viewport { get; }

    /// <summary>Every console message, uncaught page error, failed request and crash, in order, one per line.</summary>
    public IReadOnlyList<string> Log
    {
        get
        {
            lock (_lock)
            {
                return [.. _log];
            }
        }
    }

    /// <summary>Uncaught exceptions thrown by the page's scripts.</summary>
    public IReadOnlyList<string> PageErrors
    {
        get
        {
            lock (_lock)
            {
                return [.. _pageErrors];
            }
        }
    }

    /// <summary>Console messages of type error (including resources that failed to load).</summary>
    public IReadOnlyList<string> ConsoleErrors
    {
        get
        {
            lock (_lock)
            {
                return [.. _consoleErrors];
            }
        }
    }

    internal static async Task<BrowserSession> StartAsync(IBrowserContext context, string testName, BrowserViewport viewport)
    {
        var session = new BrowserSession(context, testName, viewport);
        context.Page += (_, page) => session.Watch(page);
        try
        {
            session.Page = await context.NewPageAsync();
            session.Watch(session.Page);
            return session;
        }
        catch
        {
            await context.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Runs the test's steps; if they fail, saves a full-page screenshot and the console log under
    /// <see cref="BrowserArtifacts.FailureDirectory"/> and rethrows the original failure.
    /// </summary>
    public async Task RunAsync(Func<IPage, Task> steps)
    {
        try
        {
            await steps(Page);
        }
        catch (Exception failure)
        {
            await SaveFailureArtifactsAsync(failure);
            throw;
        }
    }

    /// <summary>
    /// Writes <c>&lt;test-name&gt;.png</c> (the whole page) and <c>&lt;test-name&gt;.log</c> (the failure, the address and
    /// everything recorded). Never throws for the screenshot: a crashed page still leaves its log.
    /// </summary>
    public async Task<(string Screenshot, string Log)> SaveFailureArtifactsAsync(Exception? failure = null)
    {
        var directory = BrowserArtifacts.FailureDirectory;
        Directory.CreateDirectory(directory);
        var name = BrowserArtifacts.FileNameFor(TestName);
        var screenshotPath = Path.Combine(directory, name + ".png");
        var logPath = Path.Combine(directory, name + ".log");

        string? screenshotProblem = null;
        try
        {
            await Page.ScreenshotAsync(new PageScreenshotOptions
            {
                Path = screenshotPath,
                FullPage = true,
                Animations = ScreenshotAnimations.Disabled,
                Timeout = (float)BrowserFixture.ActionTimeout.TotalMilliseconds,
            });
        }
        catch (Exception e)
        {
            screenshotProblem = e.Message;
        }

        var text = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"test: {TestName}")
            .AppendLine(CultureInfo.InvariantCulture, $"viewport: {Viewport.Name} {Viewport.Width}x{Viewport.Height}")
            .AppendLine(CultureInfo.InvariantCulture, $"url: {(Page.IsClosed ? "(page closed)" : Page.Url)}")
            .AppendLine(screenshotProblem is null ? $"screenshot: {screenshotPath}" : $"screenshot: not taken ({screenshotProblem})");
        if (failure is not null)
        {
            text.AppendLine().AppendLine("failure:").AppendLine(failure.ToString());
        }

        var log = Log;
        text.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"browser log ({log.Count} lines):");
        foreach (var line in log)
        {
            text.AppendLine(line);
        }

        await File.WriteAllTextAsync(logPath, text.ToString());
        return (screenshotPath, logPath);
    }

    /// <summary>
    /// Saves the visible part of the page as <c>&lt;name&gt;.png</c> in <c>CAREFORALL_SCREENSHOTS_DIR</c>, for the README;
    /// does nothing when that is unset. Returns the file written, if any.
    /// </summary>
    public async Task<string?> ScreenshotForDocsAsync(string name)
    {
        if (BrowserArtifacts.DocsScreenshotDirectory is not { } directory)
        {
            return null;
        }

        Directory.CreateDirectory(directory);
        var file = BrowserArtifacts.FileNameFor(name.EndsWith(".png", StringComparison.OrdinalIgnoreCase) ? name[..^4] : name);
        var path = Path.Combine(directory, file + ".png");
        // Text drawn in a fallback font while the real one loads would end up in the picture.
        await Page.EvaluateAsync("() => document.fonts.ready.then(() => true)");
        await Page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = path,
            FullPage = false,
            Animations = ScreenshotAnimations.Disabled,
            Caret = ScreenshotCaret.Hide,
        });
        return path;
    }

    /// <summary>
    /// Fails if the page threw or logged an error: such a page may look right and still be broken. Entries containing
    /// any of <paramref name="ignoring"/> are allowed (e.g. <c>favicon.ico</c> on a page that is not the site's).
    /// </summary>
    public void ShouldHaveNoErrors(params string[] ignoring)
    {
        var errors = PageErrors.Concat(ConsoleErrors)
            .Where(e => !ignoring.Any(i => e.Contains(i, StringComparison.OrdinalIgnoreCase)))
            .ToList();
        errors.ShouldBeEmpty($"the page reported errors:{Environment.NewLine}{string.Join(Environment.NewLine, errors)}");
    }

    /// <summary>Runs axe on the page and fails on any serious or critical violation; see <see cref="Accessibility"/>.</summary>
    public Task ShouldBeAccessibleAsync(string? within = null) => Accessibility.ShouldHaveNoSeriousViolationsAsync(Page, within);

    private void Watch(IPage page)
    {
        string tag;
        lock (_lock)
        {
            if (!_watched.Add(page))
            {
                return;
            }

            tag = _watched.Count == 1 ? "" : $"[page {_watched.Count}] ";
        }

        page.Console += (_, message) =>
        {
            var location = message.Location is { Length: > 0 } at ? $" ({at})" : "";
            var line = Record($"{tag}[{message.Type}] {message.Text}{location}");
            if (message.Type == "error")
            {
                lock (_lock)
                {
                    _consoleErrors.Add(line);
                }
            }
        };
        page.PageError += (_, error) =>
        {
            var line = Record($"{tag}[pageerror] {error}");
            lock (_lock)
            {
                _pageErrors.Add(line);
            }
        };
        page.RequestFailed += (_, request) => Record($"{tag}[requestfailed] {request.Method} {request.Url}: {request.Failure}");
        page.Crash += (_, _) => Record($"{tag}[crash] the page crashed");
    }

    private string Record(string entry)
    {
        var line = $"{DateTime.UtcNow:HH:mm:ss.fff} {entry}";
        lock (_lock)
        {
            _log.Add(line);
        }

        return line;
    }

    public async ValueTask DisposeAsync() => await Context.DisposeAsync();
}
