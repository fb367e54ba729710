using CareForAll.ServiceDefaults.Api;
using CareForAll.Identity.Passwords;
using CareForAll.Identity.Users;

namespace CareForAll.Identity.Features.Auth.Register;

/// <summary>
/// There is deliberately no Role here: whatever role a client sends is never read, and every registration
/// is a USER. Admins come from configuration only.
/// </summary>
internal sealed class Request
{
    public string? Email { get; init; }

    public string? Password { get; init; }

    public string? FirstName { get; init; }

    public string? LastName { get; init; }

    public string? Phone { get; init; }
}

internal sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(x => x.Email)
            .Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Email is required.")
            .Must(EmailAddress.IsValid).WithMessage("Email must be a valid email address.");

        RuleFor(x => x.Password)
            .Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Password is required.")
            .MinimumLength(PasswordRules.MinimumLength)
            .WithMessage($"Password must be at least {PasswordRules.MinimumLength} characters.")
            .Must(PasswordRules.FitsBcrypt)
            .WithMessage($"Password must be at most {PasswordRules.MaximumBytes} bytes.");

        RuleFor(x => x.FirstName).PersonName("First name");
        RuleFor(x => x.LastName).PersonName("Last name");
        RuleFor(x => x.Phone).PhoneNumber();
    }
}

internal sealed class UserSummary
{
    public required Guid Id { get; init; }

    public required string Email { get; init; }

    public required string Role { get; init; }

    /// <summary>Always false here: the address is proved by the link mailed at registration.</summary>
    public required bool EmailVerified { get; init; }

    public string? FirstName { get; init; }

    public string? LastName { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }
}

/// <summary>The data of the <c>user.registered</c> event.</summary>
internal sealed record UserRegistered(
    Guid UserId,
    string Email,
    string Role,
    string? FirstName,
    string? LastName,
    DateTimeOffset OccurredAt);
