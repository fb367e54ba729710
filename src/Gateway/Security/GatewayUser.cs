using System.Security.Claims;
using CareForAll.ServiceDefaults.Auth;

namespace CareForAll.Gateway.Security;

/// <summary>The caller as a validated token describes it; nothing for a guest or a refused token.</summary>
internal static class GatewayUser
{
    public static string? IdOf(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true && user.UserId() is { } id ? id.ToString("D") : null;

    public static string? RoleOf(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true ? user.Role() : null;
}
