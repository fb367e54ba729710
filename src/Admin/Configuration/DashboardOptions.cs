using CareForAll.Admin.Owners;

namespace CareForAll.Admin.Configuration;

/// <summary>Settings of the dashboard (<c>Admin:Dashboard</c>).</summary>
internal sealed class DashboardOptions
{
    public const string SectionName = "Admin:Dashboard";

    /// <summary>
    /// How long the dashboard waits for any one part (a service's figures, a queue's count) before showing that part
    /// as unavailable: one slow service must not hold the whole page.
    /// </summary>
    public TimeSpan PartTimeout { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>
    /// The services whose outbox backlog the dashboard shows (every service that publishes events), comma-separated;
    /// each answers <c>GET /internal/messaging/status</c>.
    /// </summary>
    public string OutboxServices { get; set; } = "identity,campaigns,pledges,payments";

    public IReadOnlyList<string> OutboxServiceNames =>
        OutboxServices.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public string? Problem() =>
        PartTimeout <= TimeSpan.Zero
            ? $"{SectionName}:PartTimeout must be positive."
        : OutboxServiceNames.FirstOrDefault(name => !OwnerServices.All.Contains(name, StringComparer.Ordinal)) is { } unknown
            ? $"{SectionName}:OutboxServices names '{unknown}', which is not one of {string.Join(", ", OwnerServices.All)}."
        : null;
}
