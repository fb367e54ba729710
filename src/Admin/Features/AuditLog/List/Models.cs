using System.Text.Json;
using CareForAll.Admin.Domain;
using CareForAll.Admin.Features.AuditLog.Record;

namespace CareForAll.Admin.Features.AuditLog.List;

/// <summary>The audit log's filters; all optional and combined.</summary>
internal sealed class Request
{
    public Guid? AdminId { get; init; }

    /// <summary>One action, e.g. <c>approve_campaign</c>.</summary>
    public string? Action { get; init; }

    /// <summary><c>campaign</c>, <c>user</c> or <c>payment</c>.</summary>
    public string? EntityType { get; init; }

    public Guid? EntityId { get; init; }

    /// <summary>Actions at or after this instant.</summary>
    public DateTimeOffset? From { get; init; }

    /// <summary>Actions at or before this instant.</summary>
    public DateTimeOffset? To { get; init; }

    public int Page { get; init; } = 1;

    public int Limit { get; init; } = Paging.DefaultLimit;
}

internal sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(x => x.Action)
            .Must(action => action is null || AuditActions.All.Contains(action, StringComparer.Ordinal))
            .WithMessage($"Action must be one of: {string.Join(", ", AuditActions.All)}.");
        RuleFor(x => x.EntityType)
            .Must(type => type is null || AuditEntityTypes.All.Contains(type, StringComparer.Ordinal))
            .WithMessage($"Entity type must be one of: {string.Join(", ", AuditEntityTypes.All)}.");
        RuleFor(x => x.To)
            .GreaterThanOrEqualTo(x => x.From).When(x => x.From is not null && x.To is not null)
            .WithMessage("To must not be before from.");
        RuleFor(x => x.Page).PageNumber();
        RuleFor(x => x.Limit).PageLimit();
    }
}

/// <summary>One admin action.</summary>
internal sealed class Response
{
    public required Guid Id { get; init; }

    public required Guid AdminId { get; init; }

    public required string Action { get; init; }

    public required string EntityType { get; init; }

    public required Guid EntityId { get; init; }

    /// <summary><c>{before, after, reason}</c> and what the action moved.</summary>
    public required JsonElement Details { get; init; }

    public string? IpAddress { get; init; }

    public string? UserAgent { get; init; }

    /// <summary>When the admin acted.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the log heard of it (later, when the event waited in its queue).</summary>
    public required DateTimeOffset RecordedAt { get; init; }

    /// <summary>The owner's event the entry comes from.</summary>
    public required string EventType { get; init; }

    public required Guid EventId { get; init; }
}
