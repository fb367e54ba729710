namespace CareForAll.BuildingBlocks.Messaging;

/// <summary>
/// How a service's outbox is doing, for the admin dashboard: events waiting to be published and the ones that keep
/// failing, so a broker outage or a poisoned event shows up before anyone misses an email or a total.
/// </summary>
/// <param name="Service">The service answering (its telemetry service name, e.g. <c>payments</c>).</param>
/// <param name="OutboxPending">Outbox rows not yet confirmed by the broker.</param>
/// <param name="OldestPendingAgeSeconds">Age of the oldest of them in seconds, zero when none waits.</param>
/// <param name="FailingMessages">
/// Pending rows whose publishing was tried and did not succeed: claimed more than once, or claimed once and given
/// back (a broker error) or abandoned (a relay that died). A first attempt still in flight is not failing.
/// </param>
public sealed record MessagingStatus(string Service, long OutboxPending, double OldestPendingAgeSeconds, long FailingMessages);
