namespace CareForAll.Identity.Tokens;

/// <summary>Settings under <c>Auth</c>, shared with every service that validates tokens.</summary>
internal sealed class AuthOptions
{
    public const string SectionName = "Auth";

    public string Issuer { get; set; } = "careforall-identity";

    public string Audience { get; set; } = "careforall";

    /// <summary>PKCS#8 PEM of a P-256 private key; only identity holds it.</summary>
    public string? SigningKey { get; set; }
}
