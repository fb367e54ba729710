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

internal sealed class UserSummary
{
    public required Guid Id { get; init; }

    public required string Email { get; init; }

    public required string Role { get; init; }

    public required bool EmailVerified { get; init; }
}
