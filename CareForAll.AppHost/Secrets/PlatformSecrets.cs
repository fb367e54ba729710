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

    /// <summary>The ES256 (P-256) private key identity signs access tokens with, as PKCS#8 PEM.</summary>
    public static IResourceBuilder<ParameterResource> AddTokenSigningKey(this IDistributedApplicationBuilder builder)
    {
        const string name = "jwt-signing-key";
        if (builder.ExecutionContext.IsPublishMode || builder.Configuration[$"Parameters:{name}"] is not null)
        {
            return builder.AddParameter(name, secret: true);
        }

        return builder.AddParameter(name, DevelopmentSigningKey(builder.Configuration, builder.AppHostDirectory), secret: true);
    }

    /// <summary>The first admin's email.</summary>
    public static IResourceBuilder<ParameterResource> AddAdminEmail(this IDistributedApplicationBuilder builder) =>
        AddWithDevelopmentDefault(builder, "admin-email", DevelopmentAdminEmail, secret: false);

    /// <summary>The first admin's password.</summary>
    public static IResourceBuilder<ParameterResource> AddAdminPassword(this IDistributedApplicationBuilder builder) =>
        AddWithDevelopmentDefault(builder, "admin-password", DevelopmentAdminPassword, secret: true);

    private static IResourceBuilder<ParameterResource> AddWithDevelopmentDefault(
        IDistributedApplicationBuilder builder, string name, string developmentValue, bool secret) =>
        builder.ExecutionContext.IsPublishMode || builder.Configuration[$"Parameters:{name}"] is not null
            ? builder.AddParameter(name, secret: secret)
            : builder.AddParameter(name, developmentValue, secret: secret);

    private static string DevelopmentSigningKey(IConfiguration configuration, string appHostDirectory)
    {
        // A test run (isolated) signs with a key of its own that nothing else ever sees.
        if (configuration.GetValue("Infrastructure:Local:Isolated", false))
        {
            return NewKeyPem();
        }

        var path = Path.Combine(appHostDirectory, ".data", "secrets", "jwt-signing-key.pem");
        if (File.Exists(path))
        {
            return File.ReadAllText(path);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var pem = NewKeyPem();
        File.WriteAllText(path, pem);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return pem;
    }

    private static string NewKeyPem()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return key.ExportPkcs8PrivateKeyPem();
    }
}
