namespace CareForAll.Notifications.Mail;

// What each template reads. Property names are the template's field names; text fields from people (names,
// titles, messages) are only ever inserted escaped by the HTML templates.

/// <summary><c>welcome</c> and <c>verify_email</c>: the email-verification link.</summary>
internal sealed record VerificationModel(string? FirstName, string Link, DateTimeOffset? ExpiresAt);

/// <summary><c>pledge_received</c>. <see cref="DonorName"/> is null for an anonymous pledge; <see cref="CampaignTitle"/> when the campaign is not known here yet.</summary>
internal sealed record PledgeReceivedModel(string? DonorName, decimal Amount, string Currency, string? CampaignTitle, Guid PledgeId);

/// <summary><c>receipt</c>; a guest's carries the link to their donation history.</summary>
internal sealed record ReceiptModel(
    string? DonorName,
    decimal Amount,
    string Currency,
    string? CampaignTitle,
    string? TranId,
    Guid PledgeId,
    DateTimeOffset CompletedAt,
    string? HistoryLink,
    DateTimeOffset? HistoryLinkExpiresAt);

/// <summary><c>refund</c>.</summary>
internal sealed record RefundModel(
    string? DonorName, decimal Amount, string Currency, string? CampaignTitle, string? TranId, Guid PledgeId, DateTimeOffset RefundedAt);

/// <summary><c>goal_reached_donor</c>.</summary>
internal sealed record GoalReachedDonorModel(string? DonorName, string CampaignTitle, decimal GoalAmount, string Currency);

/// <summary><c>guest_history_link</c>.</summary>
internal sealed record GuestHistoryLinkModel(string Link, DateTimeOffset ExpiresAt);

/// <summary><c>money_arrived</c>. <see cref="DonorName"/> is null for an anonymous donor.</summary>
internal sealed record MoneyArrivedModel(
    string? OrganizerName, string CampaignTitle, decimal Amount, string Currency, string? DonorName, string? TranId, DateTimeOffset CompletedAt);

/// <summary><c>goal_reached_organiser</c>.</summary>
internal sealed record GoalReachedOrganiserModel(
    string? OrganizerName, string CampaignTitle, decimal GoalAmount, decimal RaisedAmount, string Currency, long Donors, DateTimeOffset ReachedAt);

/// <summary><c>final_report</c>: <see cref="Completed"/> false means the campaign expired short of its goal.</summary>
internal sealed record FinalReportModel(
    string? OrganizerName,
    string CampaignTitle,
    bool Completed,
    decimal GoalAmount,
    decimal RaisedAmount,
    string Currency,
    long Donors,
    long Donations,
    long Percent);

/// <summary><c>message</c>: a plain message from the platform, its text split into paragraphs.</summary>
internal sealed record MessageModel(string Subject, IReadOnlyList<string> Paragraphs)
{
    /// <summary>Splits <paramref name="text"/> at blank lines; single line breaks stay inside a paragraph.</summary>
    public static MessageModel From(string subject, string text) => new(
        subject.Trim(),
        [.. text.Replace("\r\n", "\n", StringComparison.Ordinal)
            .Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(p => p.Length > 0)]);
}
