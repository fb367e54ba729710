namespace CareForAll.Identity.Features.Auth.Logout;

internal sealed class Request
{
    /// <summary>Optional: when given (and it belongs to the caller), its whole session is revoked too.</summary>
    public string? RefreshToken { get; init; }
}

internal sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(x => x.RefreshToken).MaximumLength(512).WithMessage("Refresh token is too long.");
    }
}

internal sealed class Response
{
    public required bool LoggedOut { get; init; }

    /// <summary>Whether a refresh token was presented, matched the caller and had its session revoked.</summary>
    public required bool SessionRevoked { get; init; }
}
