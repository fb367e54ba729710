namespace CareForAll.Identity.Features.Auth.Refresh;

internal sealed class Request
{
    public string? RefreshToken { get; init; }
}

internal sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(x => x.RefreshToken).NotEmpty().WithMessage("Refresh token is required.");
    }
}

internal sealed class Response
{
    public required UserSummary User { get; init; }

    public required string AccessToken { get; init; }

    /// <summary>The replacement; the token just presented is spent.</summary>
    public required string RefreshToken { get; init; }

    public string TokenType { get; init; } = "Bearer";

    /// <summary>Seconds until the access token expires.</summary>
    public required int ExpiresIn { get; init; }

    public required DateTimeOffset RefreshTokenExpiresAt { get; init; }
}

internal sealed class UserSummary
{
    public required Guid Id { get; init; }

    public required string Email { get; init; }

    public required string Role { get; init; }
}
