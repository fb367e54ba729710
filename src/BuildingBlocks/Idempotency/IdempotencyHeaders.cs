namespace CareForAll.BuildingBlocks.Idempotency;

/// <summary>Header names of Idempotency-Key handling.</summary>
public static class IdempotencyHeaders
{
    /// <summary>The key header.</summary>
    public const string Key = "Idempotency-Key";

    /// <summary>The seed's spelling of the key header, also accepted.</summary>
    public const string LegacyKey = "X-Idempotency-Key";

    /// <summary>Set to <c>true</c> on a response sent again from the store.</summary>
    public const string Replayed = "Idempotent-Replayed";
}
