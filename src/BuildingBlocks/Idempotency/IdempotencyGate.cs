using Npgsql;

namespace CareForAll.BuildingBlocks.Idempotency;

/// <summary>Decides, under the key's lock, whether a request runs, is replayed or is refused.</summary>
internal static class IdempotencyGate
{
    public static async Task<IdempotencyDecision> EnterAsync(
        NpgsqlDataSource dataSource, string scope, string key, string fingerprint, CancellationToken cancellationToken)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        NpgsqlTransaction? transaction = null;
        try
        {
            transaction = await connection.BeginTransactionAsync(cancellationToken);
            if (!await IdempotencyStore.TryLockAsync(connection, transaction, scope, key, cancellationToken))
            {
                await DisposeAsync(connection, transaction);
                return new IdempotencyDecision(IdempotencyVerdict.Busy);
            }

            // Read after taking the lock: a request that finished before we took it has committed its row.
            var stored = await IdempotencyStore.FindAsync(connection, transaction, scope, key, cancellationToken);
            if (stored is null)
            {
                return new IdempotencyDecision(IdempotencyVerdict.Proceed,
                    new IdempotentRequest(connection, transaction, scope, key, fingerprint));
            }

            await DisposeAsync(connection, transaction);
            return stored.Fingerprint == fingerprint
                ? new IdempotencyDecision(IdempotencyVerdict.Replay, Stored: stored)
                : new IdempotencyDecision(IdempotencyVerdict.Mismatch, Stored: stored);
        }
        catch
        {
            await DisposeAsync(connection, transaction);
            throw;
        }
    }

    static async Task DisposeAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction)
    {
        if (transaction is not null)
        {
            await transaction.DisposeAsync();
        }

        await connection.DisposeAsync();
    }
}
