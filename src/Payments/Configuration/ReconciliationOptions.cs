namespace CareForAll.Payments.Configuration;

/// <summary>Settings under <c>Payments:Reconciliation</c>.</summary>
internal sealed class ReconciliationOptions
{
    public const string SectionName = "Payments:Reconciliation";

    public bool Enabled { get; set; } = true;

    /// <summary>How often a replica looks for payments to ask the gateway about.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long a payment is left to its notifications before reconciliation asks about it, and how long it is
    /// left alone between two questions.
    /// </summary>
    public TimeSpan MinimumAge { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The gateway's session lifetime: a payment with nothing at the gateway after this has expired.</summary>
    public TimeSpan SessionExpiry { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Most payments one replica claims per round.</summary>
    public int BatchSize { get; set; } = 50;

    public string? Problem() =>
        Interval <= TimeSpan.Zero ? "Payments:Reconciliation:Interval must be positive."
            : MinimumAge < TimeSpan.Zero ? "Payments:Reconciliation:MinimumAge must not be negative."
            : SessionExpiry <= TimeSpan.Zero ? "Payments:Reconciliation:SessionExpiry must be positive."
            : BatchSize is < 1 or > 1000 ? "Payments:Reconciliation:BatchSize must be between 1 and 1000."
            : null;
}
