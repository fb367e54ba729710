using CareForAll.ServiceDefaults.Auth;

namespace CareForAll.Payments.Settlement;

/// <summary>The transaction a settlement runs in, and who or what is asking.</summary>
internal sealed class MoveContext(NpgsqlConnection connection, NpgsqlTransaction transaction, string source, DateTimeOffset now)
{
    public NpgsqlConnection Connection { get; } = connection;

    public NpgsqlTransaction Transaction { get; } = transaction;

    /// <summary>One of <see cref="Domain.TransitionSource"/>.</summary>
    public string Source { get; } = source;

    public DateTimeOffset Now { get; } = now;

    /// <summary>The admin behind an admin move, carried into the history and the event.</summary>
    public Actor? Actor { get; init; }

    /// <summary>The notification that caused the move, if one did.</summary>
    public Guid? WebhookLogId { get; init; }

    public SettlementReport Report { get; } = new();
}
