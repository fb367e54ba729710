namespace CareForAll.Notifications.Mail.Sending;

/// <summary>A mail claimed for sending.</summary>
internal sealed class OutgoingMail
{
    public Guid Id { get; init; }

    public string RecipientEmail { get; init; } = "";

    public string Template { get; init; } = "";

    public string Languages { get; init; } = "";

    public string Subject { get; init; } = "";

    public string BodyText { get; init; } = "";

    public string BodyHtml { get; init; } = "";

    /// <summary>Attempts so far, this one included.</summary>
    public int Attempts { get; init; }
}
