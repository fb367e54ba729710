using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;

namespace CareForAll.AppHost.Secrets;

/// <summary>
/// The platform's secrets as Aspire parameters. Published, each is a required secret input. Run locally, each falls
/// back to a development value: documented defaults for the first admin, and a token-signing key generated once and
/// kept in the gitignored data folder so tokens survive a restart.
/// </summary>
public static class PlatformSecrets
{
    /// <summary>The first admin's email when none is configured in development (printed in README.md).</summary>
    public const string DevelopmentAdminEmail = "admin@careforall.local";

    /// <summary>The first admin's password when none is configured in development (printed in README.md).</summary>
    public const string DevelopmentAdminPassword = "CareForAll-Admin-2026";

    /// <summary>The SSLCommerz store id the sandbox emulator accepts in development (not a secret).</summary>
    public const string DevelopmentStoreId = "careforall0dev";

    /// <summary>The ES256 (P-256) private key identity signs access tokens with, as PKCS#8 PEM.</summary>
    public static IResourceBuilder<ParameterResource> AddTokenSigningKey(this IDistributedApplicationBuilder builder) =>
        AddGenerated(builder, "jwt-signing-key", "jwt-signing-key.pem", NewKeyPem);

    /// <summary>The HMAC secret of guests' pledge tokens and history links, shared by the services that issue and accept them.</summary>
    public static IResourceBuilder<ParameterResource> AddGuestTokenKey(this IDistributedApplicationBuilder builder) =>
        AddGenerated(builder, "guest-token-key", "guest-token-key.txt",
            static () => Convert.ToBase64String(RandomNumberGenerator.GetBytes(48)));

    /// <summary>The SSLCommerz store id (the sandbox emulator's in development).</summary>
    public static IResourceBuilder<ParameterResource> AddSslCommerzStoreId(this IDistributedApplicationBuilder builder) =>
        AddWithDevelopmentDefault(builder, "sslcommerz-store-id", DevelopmentStoreId, secret: false);

    /// <summary>The SSLCommerz store's API password (for registered sandbox stores it is <c>&lt;store_id&gt;@ssl</c>).</summary>
    public static IResourceBuilder<ParameterResource> AddSslCommerzStorePassword(this IDistributedApplicationBuilder builder) =>
        AddWithDevelopmentDefault(builder, "sslcommerz-store-password", DevelopmentStoreId + "@ssl", secret: true);

    /// <summary>The first admin's email: personal data, so kept out of plain deployment settings and outputs like a secret.</summary>
    public static IResourceBuilder<ParameterResource> AddAdminEmail(this IDistributedApplicationBuilder builder) =>
        AddWithDevelopmentDefault(builder, "admin-email", DevelopmentAdminEmail, secret: true);

    /// <summary>The first admin's password.</summary>
    public static IResourceBuilder<ParameterResource> AddAdminPassword(this IDistributedApplicationBuilder builder) =>
        AddWithDevelopmentDefault(builder, "admin-password", DevelopmentAdminPassword, secret: true);

    private static IResourceBuilder<ParameterResource> AddWithDevelopmentDefault(
        IDistributedApplicationBuilder builder, string name, string developmentValue, bool secret) =>
        builder.ExecutionContext.IsPublishMode || builder.Configuration[$"Parameters:{name}"] is not null
            ? builder.AddParameter(name, secret: secret)
            : builder.AddParameter(name, developmentValue, secret: secret);

    /// <summary>A secret generated once in development and kept in the gitignored data folder (so it survives a restart).</summary>
    private static IResourceBuilder<ParameterResource> AddGenerated(
        IDistributedApplicationBuilder builder, string name, string fileName, Func<string> generate)
    {
        if (builder.ExecutionContext.IsPublishMode || builder.Configuration[$"Parameters:{name}"] is not null)
        {
            return builder.AddParameter(name, secret: true);
        }

        return builder.AddParameter(name, DevelopmentSecret(builder.Configuration, builder.AppHostDirectory, fileName, generate), secret: true);
    }

    private static string DevelopmentSecret(IConfiguration configuration, string appHostDirectory, string fileName, Func<string> generate)
    {
        // A test run (isolated) uses secrets of its own that nothing else ever sees.
        if (configuration.GetValue("Infrastructure:Local:Isolated", false))
        {
            return generate();
        }

        var path = Path.Combine(appHostDirectory, ".data", "secrets", fileName);
        if (File.Exists(path))
        {
            return File.ReadAllText(path);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var secret = generate();
        File.WriteAllText(path, secret);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return secret;
    }

    private static string NewKeyPem()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return key.ExportPkcs8PrivateKeyPem();
    }
}
