namespace CareForAll.ServiceDefaults.Auth;

/// <summary>Token validation settings, bound from the <c>Auth</c> configuration section.</summary>
public sealed class CareForAllAuthOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Auth";

    /// <summary>The expected <c>iss</c>.</summary>
    public string Issuer { get; set; } = "careforall-identity";

    /// <summary>The expected <c>aud</c>.</summary>
    public string Audience { get; set; } = "careforall";

    /// <summary>Where identity publishes its keys; resolved through service discovery.</summary>
    public Uri JwksUri { get; set; } = new("https+http://identity/.well-known/jwks.json");

    /// <summary>The shortest time between two JWKS fetches caused by unknown key ids.</summary>
    public TimeSpan JwksRefreshThrottle { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long fetched keys are trusted before they are fetched again.</summary>
    public TimeSpan JwksMaxAge { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long one JWKS fetch may take.</summary>
    public TimeSpan JwksFetchTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Tolerated clock difference between identity and the validator.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The secret that signs guests' access tokens (<see cref="GuestAccessTokens"/>); needed only where they are issued or accepted.</summary>
    public string? GuestTokenKey { get; set; }
}
