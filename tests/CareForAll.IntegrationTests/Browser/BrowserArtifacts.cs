using System.Text;

namespace CareForAll.IntegrationTests.Browser;

/// <summary>Where browser tests leave what a person needs to see why one failed.</summary>
public static class BrowserArtifacts
{
    private static readonly Lazy<string> FailureDirectoryPath = new(() =>
        Path.Combine(RepositoryCheckout.TryRoot ?? AppContext.BaseDirectory, "artifacts", "test-results", "browser"));

    /// <summary>
    /// <c>artifacts/test-results/browser</c> of the repository: beside the test reports eng/test.sh writes, which CI
    /// keeps.
    /// </summary>
    public static string FailureDirectory => FailureDirectoryPath.Value;

    /// <summary>Set by the script that makes the README's screenshots; unset, no docs screenshot is taken.</summary>
    public static string? DocsScreenshotDirectory =>
        Environment.GetEnvironmentVariable("CAREFORALL_SCREENSHOTS_DIR") is { Length: > 0 } dir ? Path.GetFullPath(dir) : null;

    /// <summary>A file name that is safe everywhere and still reads as the test's name.</summary>
    public static string FileNameFor(string name)
    {
        var invalid = Path.GetInvalidFileNameChars();
        var builder = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            builder.Append(invalid.Contains(c) || char.IsWhiteSpace(c) ? '_' : c);
        }

        var safe = builder.ToString().Trim('.', '_');
        // Room for the extension within the usual 255-byte limit.
        return safe.Length == 0 ? "unnamed" : safe[..Math.Min(safe.Length, 200)];
    }
}
