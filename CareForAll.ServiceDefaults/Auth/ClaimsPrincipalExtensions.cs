using System.Security.Claims;

namespace CareForAll.ServiceDefaults.Auth;

/// <summary>Reads the CareForAll claims of an authenticated user.</summary>
public static class ClaimsPrincipalExtensions
{
    /// <summary>The user id from <c>sub</c>, or <c>null</c> when absent or not a UUID.</summary>
    /// <param name="user">The current user.</param>
    public static Guid? UserId(this ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var value = user.FindFirst(CareForAllClaims.Subject)?.Value ?? user.FindFirst(ClaimTypes.NameIdentifier)?.Value;
        return Guid.TryParse(value, out var id) ? id : null;
    }

    /// <summary>The user's email address, if the token carries one.</summary>
    /// <param name="user">The current user.</param>
    public static string? Email(this ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.FindFirst(CareForAllClaims.Email)?.Value;
    }

    /// <summary>The user's role (<c>USER</c> or <c>ADMIN</c>), if any.</summary>
    /// <param name="user">The current user.</param>
    public static string? Role(this ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.FindFirst(CareForAllClaims.Role)?.Value;
    }

    /// <summary>Whether the token says the user has proved their email address.</summary>
    /// <param name="user">The current user.</param>
    public static bool EmailVerified(this ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return string.Equals(user.FindFirst(CareForAllClaims.EmailVerified)?.Value, "true", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Whether the user has role <c>ADMIN</c>.</summary>
    /// <param name="user">The current user.</param>
    public static bool IsAdmin(this ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.HasClaim(CareForAllClaims.Role, CareForAllClaims.AdminRole);
    }
}
