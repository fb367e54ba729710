namespace CareForAll.ServiceDefaults.Auth;

/// <summary>The claim types and role values of CareForAll access tokens (inbound claim mapping is off).</summary>
public static class CareForAllClaims
{
    /// <summary>The user id (a UUID).</summary>
    public const string Subject = "sub";

    /// <summary>The user's email address.</summary>
    public const string Email = "email";

    /// <summary>The user's role, <see cref="UserRole"/> or <see cref="AdminRole"/>.</summary>
    public const string Role = "role";

    /// <summary>Whether the user has proved their email address (<c>true</c> or <c>false</c>), as of the token's issue.</summary>
    public const string EmailVerified = "email_verified";

    /// <summary>The token id (a UUID), the key of the deny-list.</summary>
    public const string TokenId = "jti";

    /// <summary>An ordinary user.</summary>
    public const string UserRole = "USER";

    /// <summary>An administrator.</summary>
    public const string AdminRole = "ADMIN";
}
