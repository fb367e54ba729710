namespace CareForAll.IntegrationTests.Browser;

/// <summary>The size and kind of screen a browser session imitates.</summary>
public sealed record BrowserViewport(string Name, int Width, int Height, bool IsMobile, float DeviceScaleFactor = 1);

/// <summary>The screens CareForAll is designed for: most donors give from a phone.</summary>
public static class Viewports
{
    public static readonly BrowserViewport Phone = new("phone", 390, 844, IsMobile: true);

    public static readonly BrowserViewport Desktop = new("desktop", 1280, 800, IsMobile: false);
}
