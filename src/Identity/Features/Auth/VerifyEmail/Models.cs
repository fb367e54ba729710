namespace CareForAll.Identity.Features.Auth.VerifyEmail;

/// <summary>The secret from the mailed link (<c>/verify-email#token=...</c>).</summary>
internal sealed class Request
{
    public string? Token { get; init; }
}

internal sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(x => x.Token)
            .NotEmpty().WithMessage("Token is required.")
            .MaximumLength(512).WithMessage("Token is too long.");
    }
}

/// <summary>
/// The account as it now is. The caller's access token still says what it said when it was issued; the next
/// refresh or login carries <c>email_verified</c> "true".
/// </summary>
internal sealed class Response
{
    public required Guid UserId { get; init; }

    public required string Email { get; init; }

    public required bool EmailVerified { get; init; }
}

/// <summary>The data of the <c>user.email_verified</c> event.</summary>
internal sealed record UserEmailVerified(Guid UserId, string Email, DateTimeOffset OccurredAt);
