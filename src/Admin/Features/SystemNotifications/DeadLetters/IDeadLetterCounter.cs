namespace CareForAll.Admin.Features.SystemNotifications.DeadLetters;

/// <summary>How many messages wait in a consumer's dead-letter queue.</summary>
internal interface IDeadLetterCounter
{
    /// <summary>The message count of <paramref name="queue"/>'s dead-letter queue; null when the broker cannot say.</summary>
    /// <param name="queue">The consumer queue (e.g. <c>notifications</c>), not its <c>.dlq</c>.</param>
    /// <param name="ct">Cancels the question.</param>
    Task<long?> CountAsync(string queue, CancellationToken ct);
}
