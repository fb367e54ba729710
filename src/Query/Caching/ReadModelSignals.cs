namespace CareForAll.Query.Caching;

/// <summary>
/// What a replica does with the read side's pub/sub messages and with the state of the channel that carries them.
/// The Redis subscriber calls it; so do tests, which play several replicas in one process.
/// </summary>
internal sealed class ReadModelSignals(TotalsCache totals, StatsCache stats, LiveTotalsHub live, ILogger<ReadModelSignals> logger)
{
    /// <summary>Something in the top lists or platform statistics changed.</summary>
    public const string StatsChanged = "stats";

    /// <summary>The read models were rebuilt: drop everything.</summary>
    public const string Reset = "reset";

    /// <summary>One campaign's new totals (the message's bytes are the totals route's data).</summary>
    public void OnTotals(ReadOnlyMemory<byte> message)
    {
        CachedTotals update;
        try
        {
            update = CachedTotals.FromMessage(message);
        }
        catch (System.Text.Json.JsonException ex)
        {
            logger.UnreadableTotalsMessage(ex);
            return;
        }

        totals.Apply(update);
        live.Publish(update);
    }

    public void OnChanged(string kind)
    {
        switch (kind)
        {
            case StatsChanged:
                stats.Invalidate();
                break;
            case Reset:
                totals.Clear();
                stats.Invalidate();
                live.ResyncAll();
                break;
            default:
                logger.UnknownChangeMessage(kind);
                break;
        }
    }

    /// <summary>The channel is known to work: serve from memory, starting empty.</summary>
    public void Trust()
    {
        totals.Trust();
        stats.Trust();
        // Changes may have been missed while the channel was down.
        live.ResyncAll();
    }

    /// <summary>Messages may be missed from now on: serve from the database until trusted again.</summary>
    public void Distrust()
    {
        totals.Distrust();
        stats.Distrust();
    }
}
