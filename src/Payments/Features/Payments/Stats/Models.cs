namespace CareForAll.Payments.Features.Payments.Stats;

/// <summary>What the admin dashboard shows of payments: how many are in each status and what waits for an admin.</summary>
internal sealed class Response
{
    /// <summary>Every status, zero included, so the dashboard never guesses at a missing one.</summary>
    public required IReadOnlyDictionary<string, long> ByStatus { get; init; }

    /// <summary>Captured with risk level 1: waiting for an admin to release or reject.</summary>
    public required long Held { get; init; }

    /// <summary>
    /// Refunds still <c>requested</c>: being asked for right now, or whose gateway answer was lost and which wait for an
    /// operator to settle them from the merchant panel.
    /// </summary>
    public required long RefundsAwaitingAnswer { get; init; }

    /// <summary>Refunds the gateway took and is still carrying out.</summary>
    public required long RefundsProcessing { get; init; }
}
