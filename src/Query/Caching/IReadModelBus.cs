namespace CareForAll.Query.Caching;

/// <summary>Tells every replica (this one included) that the read models changed.</summary>
internal interface IReadModelBus
{
    /// <summary>Publishes one campaign's new totals (the UTF-8 JSON the totals route answers with).</summary>
    Task PublishTotalsAsync(ReadOnlyMemory<byte> totals, CancellationToken ct);

    /// <summary>Publishes a <see cref="ReadModelSignals"/> change kind.</summary>
    Task PublishChangedAsync(string kind, CancellationToken ct);
}
