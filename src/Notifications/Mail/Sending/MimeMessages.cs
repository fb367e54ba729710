using MimeKit;

namespace CareForAll.Notifications.Mail.Sending;

/// <summary>The MIME message of a stored mail: plain text and HTML alternatives, and headers that identify it.</summary>
internal static class MimeMessages
{
    /// <summary>
    /// Builds the message. Its Message-Id is derived from the notification id, so a mail sent twice (a replica dying
    /// between the server's acceptance and marking it sent) is the same message to the receiving side.
    /// </summary>
    public static MimeMessage Build(OutgoingMail mail, MailboxAddress from, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(mail);
        ArgumentNullException.ThrowIfNull(from);
        var message = new MimeMessage
        {
            Subject = mail.Subject,
            MessageId = MessageId(mail.Id, from),
            Date = now,
        };
        message.From.Add(from);
        message.To.Add(new MailboxAddress("", mail.RecipientEmail));
        // RFC 3834: automated mail; well-behaved auto-responders do not answer it.
        message.Headers.Add("Auto-Submitted", "auto-generated");
        message.Headers.Add(HeaderId.ContentLanguage, mail.Languages.Replace(",", ", ", StringComparison.Ordinal));
        message.Headers.Add(TemplateHeader, mail.Template);
        message.Headers.Add(NotificationIdHeader, mail.Id.ToString());
        message.Body = new BodyBuilder { TextBody = mail.BodyText, HtmlBody = mail.BodyHtml }.ToMessageBody();
        return message;
    }

    /// <summary>Names the template, so whoever reads the mail sink (an operator, its API) can tell a receipt from a welcome.</summary>
    public const string TemplateHeader = "X-CareForAll-Template";

    /// <summary>The notification's id, as the history route shows it.</summary>
    public const string NotificationIdHeader = "X-CareForAll-Notification-Id";

    /// <summary><c>&lt;notification id&gt;@&lt;the From address's domain&gt;</c>.</summary>
    public static string MessageId(Guid notificationId, MailboxAddress from)
    {
        ArgumentNullException.ThrowIfNull(from);
        var domain = string.IsNullOrEmpty(from.Domain) ? "careforall.org" : from.Domain;
        return $"{notificationId:N}@{domain}";
    }
}
