namespace CareForAll.Notifications;

/// <summary>Settings of the notifications service (configuration section <c>Notifications</c>).</summary>
internal sealed class NotificationsOptions
{
    public const string SectionName = "Notifications";

    /// <summary>
    /// The address people open the platform at (the gateway's public URL): every link in a mail starts here.
    /// Required: a mail with a link to nowhere is worse than a service that refuses to start.
    /// </summary>
    public Uri? PublicBaseUrl { get; set; }

    /// <summary>The From of every mail.</summary>
    public string From { get; set; } = "CareForAll <no-reply@careforall.org>";

    /// <summary>How long the donor-history link in a guest's receipt or "send me my donations" mail works.</summary>
    public TimeSpan GuestHistoryLinkLifetime { get; set; } = TimeSpan.FromDays(30);

    /// <summary>At most one "send me my donations" mail per address within this interval; further requests are silently dropped.</summary>
    public TimeSpan GuestLinkInterval { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary><see cref="PublicBaseUrl"/> followed by <paramref name="pathAndFragment"/>, without a doubled slash.</summary>
    public string Link(string pathAndFragment) =>
        PublicBaseUrl is null
            ? throw new InvalidOperationException("Notifications:PublicBaseUrl is not set.")
            : PublicBaseUrl.AbsoluteUri.TrimEnd('/') + pathAndFragment;
}

/// <summary>Settings of the mail sender (configuration section <c>Notifications:Sender</c>).</summary>
internal sealed class SenderOptions
{
    public const string SectionName = "Notifications:Sender";

    /// <summary>How often the sender looks for due mail when no notification wakes it (notifications are the normal path).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Mails claimed and sent over one SMTP connection per round.</summary>
    public int BatchSize { get; set; } = 20;

    /// <summary>
    /// SMTP connections a round sends over at once. One connection sends one mail at a time and waits for each answer,
    /// so after an outage a backlog of receipts drained at a few mails a second.
    /// </summary>
    public int Connections { get; set; } = 4;

    /// <summary>How long a claim stays exclusive; a replica that dies mid-send frees its rows after this.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The first wait after a failed attempt; each further failure doubles it up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan InitialBackoff { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The longest wait between attempts: once SMTP is back, waiting mail goes out within this.</summary>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Longest wait for the SMTP server on connect and on each command.</summary>
    public TimeSpan SmtpTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>"Send me my donations" requests decided per round.</summary>
    public int LinkRequestBatchSize { get; set; } = 100;
}
