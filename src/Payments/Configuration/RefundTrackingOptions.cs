namespace CareForAll.Payments.Configuration;

/// <summary>Settings under <c>Payments:Refunds</c>.</summary>
internal sealed class RefundTrackingOptions
{
    public const string SectionName = "Payments:Refunds";

    public bool Enabled { get; set; } = true;

    /// <summary>How often a replica asks the gateway about refunds in progress.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a refund is left alone after each question, so replicas do not ask twice.</summary>
    public TimeSpan RecheckAfter { get; set; } = TimeSpan.FromSeconds(5);

    public int BatchSize { get; set; } = 50;

    public string? Problem() =>
        PollInterval <= TimeSpan.Zero || RecheckAfter < TimeSpan.Zero
            ? "Payments:Refunds:PollInterval must be positive and RecheckAfter not negative."
            : BatchSize is < 1 or > 1000 ? "Payments:Refunds:BatchSize must be between 1 and 1000."
            : null;
}
