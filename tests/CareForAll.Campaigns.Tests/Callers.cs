using System.Security.Claims;
using Microsoft.AspNetCore.Http;

namespace CareForAll.Campaigns.Tests;

/// <summary>The request a FastEndpoints endpoint sees, as the token of one caller makes it.</summary>
internal static class Callers
{
    public static Action<DefaultHttpContext> Anonymous => context => context.User = new ClaimsPrincipal(new ClaimsIdentity());

    /// <summary>A signed-in user; <paramref name="emailVerified"/> is what the token's <c>email_verified</c> says (null: no such claim).</summary>
    public static Action<DefaultHttpContext> User(Guid id, string? emailVerified = "true") => As(id, "USER", emailVerified);

    public static Action<DefaultHttpContext> Admin(Guid id, string? emailVerified = "true") => As(id, "ADMIN", emailVerified);

    private static Action<DefaultHttpContext> As(Guid id, string role, string? emailVerified) => context =>
    {
        List<Claim> claims = [new("sub", id.ToString()), new("role", role)];
        if (emailVerified is not null)
        {
            claims.Add(new Claim("email_verified", emailVerified));
        }

        context.User = new ClaimsPrincipal(new ClaimsIdentity(claims, "Bearer"));
        context.Request.Headers["X-Forwarded-For"] = "203.0.113.7";
        context.Request.Headers.UserAgent = "tests";
    };
}
