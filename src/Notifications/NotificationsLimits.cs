namespace CareForAll.Notifications;

internal static class NotificationsLimits
{
    /// <summary>The largest request these routes take (an admin's message is the biggest); bigger bodies get 413 unread.</summary>
    public const long MaxRequestBodyBytes = 64 * 1024;

    public const int MaxSubjectLength = 200;

    public const int MaxTextLength = 20_000;

    public const int DefaultPageSize = 20;

    public const int MaxPageSize = 100;

    /// <summary>Deep pages cost a scan; nobody reads ten thousand pages of mail.</summary>
    public const int MaxPage = 10_000;

    /// <summary>Kept of an SMTP error in <c>last_error</c>.</summary>
    public const int MaxErrorLength = 2000;
}
