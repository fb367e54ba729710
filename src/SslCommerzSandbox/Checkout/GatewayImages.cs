namespace CareForAll.SslCommerzSandbox.Checkout;

/// <summary>
/// Answers the image URLs of the session answer (storeLogo, storeBanner, the desc logos) with a transparent pixel,
/// so a merchant page that shows them has no broken images and the sandbox ships no artwork.
/// </summary>
internal static class GatewayImages
{
    private static readonly byte[] TransparentPixel = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=");

    public static void MapGatewayImages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/stores/logos/{file}", () => Results.File(TransparentPixel, "image/png"));
        app.MapGet("/gwprocess/v4/image/gw/{file}", () => Results.File(TransparentPixel, "image/png"));
    }
}
