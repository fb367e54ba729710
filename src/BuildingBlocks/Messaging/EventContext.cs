using Npgsql;

namespace CareForAll.BuildingBlocks.Messaging;

/// <summary>What a handler gets: the envelope, its payload and the transaction its effect belongs in.</summary>
/// <typeparam name="TData">The payload type.</typeparam>
/// <param name="Event">The envelope as received.</param>
/// <param name="Data">The payload deserialized from <see cref="IntegrationEvent.Data"/>.</param>
/// <param name="Connection">The open connection of <paramref name="Transaction"/>.</param>
/// <param name="Transaction">The transaction that also records the event in the inbox; committed by the host.</param>
public sealed record EventContext<TData>(
    IntegrationEvent Event,
    TData Data,
    NpgsqlConnection Connection,
    NpgsqlTransaction Transaction);
