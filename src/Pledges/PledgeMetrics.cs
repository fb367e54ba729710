using System.Diagnostics.Metrics;

namespace CareForAll.Pledges;

/// <summary>The pledges service's business meters (exported with every other <c>CareForAll.*</c> meter).</summary>
internal sealed class PledgeMetrics
{
    public const string MeterName = "CareForAll.Pledges";

    private readonly Counter<long> _created;
    private readonly Counter<double> _amountPledged;
    private readonly Counter<long> _statusChanges;

    public PledgeMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _created = meter.CreateCounter<long>("careforall.pledges.created", "{pledge}", "Pledges created, by donor type (guest or registered).");
        _amountPledged = meter.CreateCounter<double>("careforall.pledges.amount_pledged", "BDT", "Money pledged (not yet paid), by donor type.");
        _statusChanges = meter.CreateCounter<long>("careforall.pledges.status_changes", "{change}", "Status moves asked for by payment events, applied or refused.");
    }

    public void PledgeCreated(bool guest, decimal amount, string currency)
    {
        var donor = new KeyValuePair<string, object?>("donor.type", guest ? "guest" : "registered");
        _created.Add(1, donor);
        _amountPledged.Add((double)amount, donor, new KeyValuePair<string, object?>("currency", currency));
    }

    public void StatusChange(string toStatus, bool accepted) =>
        _statusChanges.Add(1, new KeyValuePair<string, object?>("pledge.status", toStatus), new KeyValuePair<string, object?>("accepted", accepted));
}
