using System.Security.Claims;
using Microsoft.AspNetCore.Http;

namespace CareForAll.Notifications.Tests;

/// <summary>The request a FastEndpoints endpoint sees, as the token of one caller makes it.</summary>
internal static class Callers
{
    public static Action<DefaultHttpContext> Anonymous => context => context.User = new ClaimsPrincipal(new ClaimsIdentity());

    public static Action<DefaultHttpContext> User(Guid id) => As(id, "USER");

    public static Action<DefaultHttpContext> Admin(Guid id) => As(id, "ADMIN");

    private static Action<DefaultHttpContext> As(Guid id, string role) => context =>
        context.User = new ClaimsPrincipal(new ClaimsIdentity([new Claim("sub", id.ToString()), new Claim("role", role)], "Bearer"));
}
