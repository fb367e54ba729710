using CareForAll.ServiceDefaults.Api;
using CareForAll.Identity.Users;

namespace CareForAll.Identity.Features.Auth.Login;

internal sealed class Request
{
    public string? Email { get; init; }

    public string? Password { get; init; }
}

internal sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(x => x.Email)
            .NotEmpty().WithMessage("Email is required.")
            .MaximumLength(EmailAddress.MaximumLength).WithMessage("Email is too long.");
        RuleFor(x => x.Password)
            .NotEmpty().WithMessage("Password is required.")
            .MaximumLength(1024).WithMessage("Password is too long.");
    }
}

internal sealed class UserSummary
{
    public required Guid Id { get; init; }

    public required string Email { get; init; }

    public required string Role { get; init; }

    public required bool EmailVerified { get; init; }

    public string? FirstName { get; init; }

    public string? LastName { get; init; }
}
