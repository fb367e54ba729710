using CareForAll.ServiceDefaults.Api;

namespace CareForAll.Notifications.Features.Messages;

/// <summary>What a plain message from the platform may be: one valid address, a subject, some text.</summary>
internal static class MessageRules
{
    /// <summary>Why the message cannot be sent, or null.</summary>
    public static string? Refusal(string? to, string? subject, string? text)
    {
        if (!EmailAddress.IsValid(to))
        {
            return "to is not a valid email address";
        }

        if (string.IsNullOrWhiteSpace(subject) || subject.Trim().Length > NotificationsLimits.MaxSubjectLength)
        {
            return $"subject must be 1 to {NotificationsLimits.MaxSubjectLength} characters";
        }

        return string.IsNullOrWhiteSpace(text) || text.Length > NotificationsLimits.MaxTextLength
            ? $"text must be 1 to {NotificationsLimits.MaxTextLength} characters"
            : null;
    }
}
