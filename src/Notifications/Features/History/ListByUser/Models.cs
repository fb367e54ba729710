using System.Text.Json.Serialization;

namespace CareForAll.Notifications.Features.History.ListByUser;

internal sealed class Request
{
    /// <summary>From the route.</summary>
    public Guid UserId { get; init; }

    public int Page { get; init; } = 1;

    public int Limit { get; init; } = NotificationsLimits.DefaultPageSize;

    /// <summary>Adds each mail's HTML body; left out by default, it is most of a page's weight.</summary>
    public bool IncludeHtml { get; init; }
}

internal sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(x => x.UserId).NotEmpty().WithMessage("User id is required.");
        RuleFor(x => x.Page).InclusiveBetween(1, NotificationsLimits.MaxPage)
            .WithMessage($"Page must be between 1 and {NotificationsLimits.MaxPage}.");
        RuleFor(x => x.Limit).InclusiveBetween(1, NotificationsLimits.MaxPageSize)
            .WithMessage($"Limit must be between 1 and {NotificationsLimits.MaxPageSize}.");
    }
}

/// <summary>One mail in a user's history.</summary>
internal sealed class Item
{
    public required Guid Id { get; init; }

    public required string Template { get; init; }

    public required string RecipientEmail { get; init; }

    public required string Subject { get; init; }

    /// <summary>Languages in the message, in order, e.g. ["en", "bn"].</summary>
    public required IReadOnlyList<string> Languages { get; init; }

    /// <summary>queued, sent or failed.</summary>
    public required string Status { get; init; }

    public required int Attempts { get; init; }

    public string? LastError { get; init; }

    public string? EventType { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? SentAt { get; init; }

    /// <summary>Null for a mail that carried a secret link (email verification): the link stays in the inbox only.</summary>
    public string? BodyText { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? BodyHtml { get; init; }
}
