using Microsoft.Extensions.FileProviders;

namespace CareForAll.Gateway.Web;

/// <summary>The web app's build on disk, resolved once at startup; <see cref="Files"/> is null when there is none.</summary>
internal sealed class WebAppRoot : IDisposable
{
    public const string IndexFile = "index.html";

    private WebAppRoot(string path, PhysicalFileProvider? files, string? problem)
    {
        Path = path;
        Files = files;
        Problem = problem;
    }

    /// <summary>The absolute folder the settings name.</summary>
    public string Path { get; }

    public PhysicalFileProvider? Files { get; }

    /// <summary>Why nothing is served from <see cref="Path"/>, when nothing is.</summary>
    public string? Problem { get; }

    public static WebAppRoot Open(WebOptions options, string contentRoot)
    {
        var root = string.IsNullOrWhiteSpace(options.Root) ? WebOptions.DefaultRoot : options.Root;
        var path = System.IO.Path.GetFullPath(root, contentRoot);
        if (!Directory.Exists(path))
        {
            return new WebAppRoot(path, null, "the folder does not exist");
        }

        // Without its index no client route can be answered; half a web app is worse than a clear API-only gateway.
        return File.Exists(System.IO.Path.Combine(path, IndexFile))
            ? new WebAppRoot(path, new PhysicalFileProvider(path), null)
            : new WebAppRoot(path, null, $"the folder has no {IndexFile}");
    }

    public void Dispose() => Files?.Dispose();
}
