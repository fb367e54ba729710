using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CareForAll.Gateway.Tests;

/// <summary>
/// Stands in for JWT validation: <c>Bearer user:{id}:{role}</c> is a valid token for that user, any other
/// bearer value is a refused one (bad signature, expired, deny-listed: the gateway cannot tell them apart).
/// </summary>
internal sealed class TestAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Test";

    public static string TokenFor(Guid userId, string role = "USER") => $"Bearer user:{userId:D}:{role}";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var parts = header["Bearer ".Length..].Split(':');
        if (parts.Length != 3 || parts[0] != "user" || !Guid.TryParse(parts[1], out _))
        {
            return Task.FromResult(AuthenticateResult.Fail("refused"));
        }

        var identity = new ClaimsIdentity([new Claim("sub", parts[1]), new Claim("role", parts[2])], SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }
}
