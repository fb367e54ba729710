namespace CareForAll.Campaigns.Features.Contributions.Apply;

/// <summary>What one totals batch did.</summary>
/// <param name="Claimed">Contributions taken from the queue (a full batch means more may be waiting).</param>
/// <param name="Applied">Contributions counted into a total (or settled: a completion and its refund together).</param>
/// <param name="Deferred">Contributions put back for a later batch.</param>
/// <param name="Campaigns">Campaigns whose total changed.</param>
/// <param name="GoalsReached">Campaigns that reached their goal in this batch.</param>
internal sealed record TotalsBatch(int Claimed, int Applied, int Deferred, int Campaigns, int GoalsReached)
{
    public static readonly TotalsBatch Empty = new(0, 0, 0, 0, 0);
}
