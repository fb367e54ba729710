using CareForAll.ServiceDefaults.Auth;

namespace CareForAll.Campaigns.Features.Campaigns.Snapshot;

/// <summary>One page of every campaign, in id order, after <see cref="After"/>.</summary>
internal sealed class Request
{
    public const int DefaultLimit = 500;
    public const int MaxLimit = 1000;

    /// <summary>The <c>meta.next</c> of the previous page; absent for the first page.</summary>
    public Guid? After { get; init; }

    public int Limit { get; init; } = DefaultLimit;
}

internal sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(x => x.Limit).InclusiveBetween(1, Request.MaxLimit).WithMessage($"Limit must be between 1 and {Request.MaxLimit}.");
    }
}

/// <summary>
/// A campaign in the shape of its events' data (so a read model builds from a snapshot with the code that applies
/// the events), plus its <see cref="Version"/> (an event with a higher version is newer than this row) and
/// <see cref="CreatedAt"/>. There is no change here: <see cref="PreviousStatus"/>, <see cref="Changes"/>,
/// <see cref="Previous"/> and <see cref="Actor"/> are null, <see cref="Reason"/> is the cancellation reason, and
/// <see cref="OccurredAt"/> is when the campaign last changed.
/// </summary>
internal sealed record SnapshotItem(
    Guid CampaignId,
    string Title,
    string CampaignType,
    string Status,
    string? PreviousStatus,
    decimal GoalAmount,
    decimal CurrentAmount,
    string Currency,
    Guid OrganizerId,
    DateTimeOffset StartDate,
    DateTimeOffset? EndDate,
    DateTimeOffset? GoalReachedAt,
    string? Reason,
    IReadOnlyList<string>? Changes,
    IReadOnlyDictionary<string, object?>? Previous,
    Actor? Actor,
    DateTimeOffset OccurredAt,
    long Version,
    DateTimeOffset CreatedAt);
