using CareForAll.Admin.Data;
using CareForAll.Admin.Domain;

namespace CareForAll.Admin.Features.SystemNotifications.List;

internal sealed class Request
{
    /// <summary><c>true</c>: only those nobody has read yet.</summary>
    public bool? Unread { get; init; }

    /// <summary><c>low</c>, <c>medium</c>, <c>high</c> or <c>critical</c>.</summary>
    public string? Severity { get; init; }

    public int Page { get; init; } = 1;

    public int Limit { get; init; } = Paging.DefaultLimit;
}

internal sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(x => x.Severity)
            .Must(severity => severity is null || AlertSeverities.All.Contains(severity, StringComparer.Ordinal))
            .WithMessage($"Severity must be one of: {string.Join(", ", AlertSeverities.All)}.");
        RuleFor(x => x.Page).PageNumber();
        RuleFor(x => x.Limit).PageLimit();
    }
}
