using System.Diagnostics.Metrics;

namespace CareForAll.Campaigns;

/// <summary>Business meters of the campaigns service (exported with every <c>CareForAll.*</c> meter).</summary>
internal sealed class CampaignsMetrics
{
    public const string MeterName = "CareForAll.Campaigns";

    private readonly Counter<long> _created;
    private readonly Counter<long> _statusChanges;
    private readonly Counter<long> _contributionsRecorded;
    private readonly Counter<double> _moneyApplied;
    private readonly Counter<long> _goalsReached;

    public CampaignsMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _created = meter.CreateCounter<long>("careforall.campaigns.created", "{campaign}", "Campaigns created (as drafts).");
        _statusChanges = meter.CreateCounter<long>("careforall.campaigns.status_changes", "{change}", "Campaign status moves, by target status.");
        _contributionsRecorded = meter.CreateCounter<long>(
            "careforall.campaigns.contributions_recorded", "{contribution}", "Pledge completions and refunds recorded for totals.");
        _moneyApplied = meter.CreateCounter<double>(
            "careforall.campaigns.money_applied", "BDT", "Net money added to campaign totals (refunds subtract).");
        _goalsReached = meter.CreateCounter<long>("careforall.campaigns.goals_reached", "{campaign}", "Campaigns that reached their goal.");
    }

    public void CampaignCreated() => _created.Add(1);

    public void StatusChanged(string to) => _statusChanges.Add(1, new KeyValuePair<string, object?>("campaign.status", to));

    public void ContributionsRecorded(int count, string kind) =>
        _contributionsRecorded.Add(count, new KeyValuePair<string, object?>("contribution.kind", kind));

    public void MoneyApplied(decimal amount) => _moneyApplied.Add((double)amount);

    public void GoalReached() => _goalsReached.Add(1);
}
