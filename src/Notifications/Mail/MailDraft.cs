namespace CareForAll.Notifications.Mail;

/// <summary>A mail to render: which template, in which languages, from which facts.</summary>
/// <param name="Template">The template's name (<see cref="MailTemplateNames"/>).</param>
/// <param name="Languages">The languages, in the order they appear in the message.</param>
/// <param name="Model">The facts the template reads (a record whose property names the template uses).</param>
/// <param name="Sensitive">The mail carries a secret link, so the history route leaves its body out.</param>
internal sealed record MailDraft(string Template, IReadOnlyList<string> Languages, object Model, bool Sensitive = false);

/// <summary>A rendered mail: what is stored and sent.</summary>
/// <param name="Languages">The languages in order, comma-separated ("en,bn").</param>
internal sealed record RenderedMail(string Subject, string Text, string Html, string Languages);

/// <summary>Who a mail goes to: an address, and the account it belongs to when known (the history lists by it).</summary>
internal sealed record Recipient(string Email, Guid? UserId);

/// <summary>What caused a mail: the event, or nothing for mail asked for over HTTP.</summary>
internal sealed record MailOrigin(Guid? EventId, string? EventType)
{
    public static MailOrigin Request { get; } = new(null, null);

    public static MailOrigin Of(CareForAll.BuildingBlocks.Messaging.IntegrationEvent envelope) => new(envelope.EventId, envelope.EventType);
}

/// <summary>The templates (files <c>Templates/&lt;name&gt;.&lt;language&gt;.{subject,txt,html}.hbs</c>).</summary>
internal static class MailTemplateNames
{
    public const string Welcome = "welcome";
    public const string VerifyEmail = "verify_email";
    public const string PledgeReceived = "pledge_received";
    public const string Receipt = "receipt";
    public const string MoneyArrived = "money_arrived";
    public const string GoalReachedOrganiser = "goal_reached_organiser";
    public const string GoalReachedDonor = "goal_reached_donor";
    public const string FinalReport = "final_report";
    public const string Refund = "refund";
    public const string GuestHistoryLink = "guest_history_link";
    public const string Message = "message";
}

/// <summary>
/// The dedupe key of each kind of mail: what it is about and for whom, so the same mail is never written twice,
/// whether the same event comes again or another event asks for it (the inbox already absorbs redelivery; this
/// also covers, say, a goal-reached mail that either the campaign's or a late pledge's event can ask for).
/// </summary>
internal static class DedupeKeys
{
    public static string Welcome(Guid userId) => $"{MailTemplateNames.Welcome}:{userId:N}";

    public static string ForEvent(string template, Guid eventId, string email) => $"{template}:{eventId:N}:{email}";

    public static string ForPledge(string template, Guid pledgeId) => $"{template}:{pledgeId:N}";

    public static string ForCampaign(string template, Guid campaignId) => $"{template}:{campaignId:N}";

    public static string GoalReachedDonor(Guid campaignId, string donorKey) => $"{MailTemplateNames.GoalReachedDonor}:{campaignId:N}:{donorKey}";

    public static string Single(string template, Guid id) => $"{template}:{id:N}";
}
