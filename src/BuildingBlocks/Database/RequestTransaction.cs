using CareForAll.BuildingBlocks.Idempotency;
using Microsoft.AspNetCore.Http;
using Npgsql;

namespace CareForAll.BuildingBlocks.Database;

/// <summary>
/// The transaction an endpoint writes in. Under an Idempotency-Key it is the key's transaction: <see cref="CommitAsync"/>
/// only records the intent, and the post-processor commits the effect together with the stored response (so a
/// crash in between cannot produce a second effect). Otherwise it is a fresh transaction committed at once.
/// </summary>
public sealed class RequestTransaction : IAsyncDisposable
{
    readonly IdempotentRequest? _idempotent;
    bool _committed;

    RequestTransaction(NpgsqlConnection connection, NpgsqlTransaction transaction, IdempotentRequest? idempotent)
    {
        Connection = connection;
        Transaction = transaction;
        _idempotent = idempotent;
    }

    /// <summary>The open connection.</summary>
    public NpgsqlConnection Connection { get; }

    /// <summary>The transaction; pass it to every command and to <see cref="Messaging.Outbox.AddAsync"/>.</summary>
    public NpgsqlTransaction Transaction { get; }

    /// <summary>Whether the request runs under an Idempotency-Key (the commit then happens after the endpoint).</summary>
    public bool IsIdempotent => _idempotent is not null;

    /// <summary>Opens the request's transaction.</summary>
    /// <param name="httpContext">The current request.</param>
    /// <param name="dataSource">The service database.</param>
    /// <param name="cancellationToken">Cancels opening.</param>
    public static async Task<RequestTransaction> BeginAsync(HttpContext httpContext, NpgsqlDataSource dataSource,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        ArgumentNullException.ThrowIfNull(dataSource);
        if (IdempotentRequest.Current(httpContext) is { } idempotent)
        {
            if (idempotent.TransactionTaken)
            {
                throw new InvalidOperationException("The request transaction was already taken by this request.");
            }

            idempotent.TransactionTaken = true;
            return new RequestTransaction(idempotent.Connection, idempotent.Transaction, idempotent);
        }

        var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken);
            return new RequestTransaction(connection, transaction, null);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Commits (or, under an Idempotency-Key, marks the work to be committed with the stored response).</summary>
    /// <param name="cancellationToken">Cancels the commit.</param>
    public async Task CommitAsync(CancellationToken cancellationToken = default)
    {
        _committed = true;
        if (_idempotent is not null)
        {
            _idempotent.EndpointCommitted = true;
            return;
        }

        await Transaction.CommitAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_idempotent is not null)
        {
            return;
        }

        if (!_committed)
        {
            await Transaction.RollbackAsync(CancellationToken.None);
        }

        await Transaction.DisposeAsync();
        await Connection.DisposeAsync();
    }
}
