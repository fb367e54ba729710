namespace CareForAll.Notifications.Features.Messages.SendRequested;

/// <summary><c>notification.send_email</c>: any service asks for a plain message to be sent.</summary>
internal sealed class SendEmailData
{
    public string? To { get; init; }

    public Guid? UserId { get; init; }

    public string? Subject { get; init; }

    public string? Text { get; init; }
}
