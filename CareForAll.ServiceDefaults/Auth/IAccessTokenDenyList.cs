namespace CareForAll.ServiceDefaults.Auth;

/// <summary>
/// Makes logout and suspension take effect at once: tokens and users listed here are refused on every
/// authenticated request, by the gateway and by every service.
/// </summary>
public interface IAccessTokenDenyList
{
    /// <summary>Refuses the token with this <c>jti</c> until it would have expired anyway.</summary>
    /// <param name="jti">The token id.</param>
    /// <param name="expiresAt">The token's <c>exp</c>.</param>
    Task DenyTokenAsync(string jti, DateTimeOffset expiresAt);

    /// <summary>Refuses every token of this user until <see cref="ReinstateUserAsync"/>.</summary>
    /// <param name="userId">The user id (<c>sub</c>).</param>
    Task SuspendUserAsync(Guid userId);

    /// <summary>Accepts this user's tokens again.</summary>
    /// <param name="userId">The user id (<c>sub</c>).</param>
    Task ReinstateUserAsync(Guid userId);

    /// <summary>Whether a token must be refused: its <c>jti</c> is denied or its user is suspended.</summary>
    /// <param name="jti">The token id.</param>
    /// <param name="userId">The user id (<c>sub</c>).</param>
    Task<bool> IsRefusedAsync(string jti, Guid userId);
}
