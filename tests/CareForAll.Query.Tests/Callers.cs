using System.Security.Claims;
using Microsoft.AspNetCore.Http;

namespace CareForAll.Query.Tests;

/// <summary>The request a FastEndpoints endpoint sees, as the token of one caller makes it.</summary>
internal static class Callers
{
    public static Action<DefaultHttpContext> Anonymous => context => context.User = new ClaimsPrincipal(new ClaimsIdentity());

    public static Action<DefaultHttpContext> User(Guid id) => As(id, "USER");

    public static Action<DefaultHttpContext> Admin(Guid id) => As(id, "ADMIN");

    private static Action<DefaultHttpContext> As(Guid id, string role) => context =>
    {
        context.User = new ClaimsPrincipal(new ClaimsIdentity([new Claim("sub", id.ToString()), new Claim("role", role)], "Bearer"));
        context.Request.Headers["X-Forwarded-For"] = "203.0.113.7";
        context.Request.Headers.UserAgent = "tests";
    };

    /// <summary>Adds a route value, as routing would from the URL.</summary>
    public static Action<DefaultHttpContext> With(this Action<DefaultHttpContext> caller, string name, object value) => context =>
    {
        caller(context);
        context.Request.RouteValues[name] = value.ToString();
    };

    /// <summary>Then does more to the request (its body, its abort token).</summary>
    public static Action<DefaultHttpContext> Then(this Action<DefaultHttpContext> caller, Action<DefaultHttpContext> more) => context =>
    {
        caller(context);
        more(context);
    };
}
