namespace CareForAll.Admin.Features.Users.ChangeStatus;

internal sealed class Request
{
    /// <summary>From the route.</summary>
    public Guid Id { get; init; }

    /// <summary><c>active</c> or <c>suspended</c> (any case).</summary>
    public string? Status { get; init; }

    /// <summary>Why, for the audit log.</summary>
    public string? Reason { get; init; }
}

internal sealed class Validator : Validator<Request>
{
    public const int MaxReasonLength = 500;

    public Validator()
    {
        RuleFor(x => x.Id).NotEmpty().WithMessage("User id is required.");
        RuleFor(x => x.Status)
            .Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Status is required.")
            .Must(UserStatuses.IsKnown).WithMessage("Status must be active or suspended.");
        RuleFor(x => x.Reason).MaximumLength(MaxReasonLength).WithMessage($"Reason must be at most {MaxReasonLength} characters.");
    }
}

/// <summary>The statuses an admin sets; identity names them in upper case, the seed's route in lower case.</summary>
internal static class UserStatuses
{
    public const string Active = "active";
    public const string Suspended = "suspended";

    public static bool IsKnown(string? status) =>
        string.Equals(status, Active, StringComparison.OrdinalIgnoreCase) || IsSuspended(status);

    public static bool IsSuspended(string? status) => string.Equals(status, Suspended, StringComparison.OrdinalIgnoreCase);
}
