using MailKit.Net.Smtp;

namespace CareForAll.Notifications.Mail.Sending;

/// <summary>Which send failures end a mail's attempts.</summary>
internal static class SmtpFailures
{
    /// <summary>
    /// Only the server refusing the recipient with a 5xx (no such mailbox, domain does not accept mail): trying again
    /// would get the same answer. Everything else (the server away, a 4xx, a timeout, our sender refused) is retried,
    /// however long it takes.
    /// </summary>
    public static bool IsPermanent(Exception exception) =>
        exception is SmtpCommandException { ErrorCode: SmtpErrorCode.RecipientNotAccepted } command && (int)command.StatusCode >= 500;

    /// <summary>A short, single-line description for <c>last_error</c> and the log (never the message itself).</summary>
    public static string Describe(Exception exception)
    {
        var text = exception switch
        {
            SmtpCommandException command => $"{(int)command.StatusCode} {command.ErrorCode}: {command.Message}",
            _ => $"{exception.GetType().Name}: {exception.Message}",
        };
        text = text.ReplaceLineEndings(" ");
        return text.Length > NotificationsLimits.MaxErrorLength ? text[..NotificationsLimits.MaxErrorLength] : text;
    }
}
