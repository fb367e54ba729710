namespace CareForAll.BuildingBlocks.Idempotency;

/// <summary>What to do with a request that carries an Idempotency-Key.</summary>
internal enum IdempotencyVerdict
{
    /// <summary>First time: run the endpoint (the request holds the key's lock).</summary>
    Proceed,

    /// <summary>Same key, same request, already answered: send the stored response again.</summary>
    Replay,

    /// <summary>Same key, different request: 422.</summary>
    Mismatch,

    /// <summary>Same key, first request still running: 409 with Retry-After.</summary>
    Busy,
}

/// <summary>The verdict, with the lock-holding request (Proceed) or the stored response (Replay).</summary>
internal sealed record IdempotencyDecision(IdempotencyVerdict Verdict, IdempotentRequest? Request = null, StoredResponse? Stored = null);
