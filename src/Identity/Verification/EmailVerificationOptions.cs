namespace CareForAll.Identity.Verification;

/// <summary>Settings under <c>Identity:EmailVerification</c>.</summary>
internal sealed class EmailVerificationOptions
{
    public const string SectionName = "Identity:EmailVerification";

    /// <summary>How long a verification link works: long enough for a mail read the next day, short enough that an old mailbox is not a key.</summary>
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromHours(48);

    /// <summary>
    /// At most this many verification mails per user within <see cref="Window"/>, the one sent at registration
    /// included, so a signed-in account cannot be used to flood a mailbox.
    /// </summary>
    public int MaxMailsPerWindow { get; set; } = 3;

    public TimeSpan Window { get; set; } = TimeSpan.FromHours(1);
}
