namespace CareForAll.Payments;

internal static class PaymentsLimits
{
    /// <summary>Our JSON requests are a pledge id or a reason; anything bigger is refused with 413 before it is read.</summary>
    public const long MaxRequestBodyBytes = 16 * 1024;

    /// <summary>A gateway notification is about 40 short fields; room to spare for new ones.</summary>
    public const long MaxNotificationBytes = 64 * 1024;

    /// <summary>A refund reason is for the audit log and the gateway's remarks (at most 255 characters there).</summary>
    public const int MaxReasonLength = 255;

    public const int DefaultPageSize = 20;

    public const int MaxPageSize = 100;

    /// <summary>Deep pages cost a scan; an admin filters instead of reading ten thousand pages.</summary>
    public const int MaxPage = 10_000;
}
