using Microsoft.AspNetCore.Http;
using Npgsql;

namespace CareForAll.BuildingBlocks.Idempotency;

/// <summary>
/// A request running under an Idempotency-Key it holds the lock of. Its transaction is the one
/// <see cref="Database.RequestTransaction"/> hands the endpoint, so the effect and the stored response commit together.
/// </summary>
public sealed class IdempotentRequest : IAsyncDisposable
{
    internal const string HttpContextItemKey = "CareForAll.IdempotentRequest";

    Stream? _originalBody;
    MemoryStream? _capture;
    bool _finished;

    internal IdempotentRequest(NpgsqlConnection connection, NpgsqlTransaction transaction, string scope, string key, string fingerprint)
    {
        Connection = connection;
        Transaction = transaction;
        Scope = scope;
        Key = key;
        Fingerprint = fingerprint;
    }

    /// <summary>The open connection holding the key's lock.</summary>
    public NpgsqlConnection Connection { get; }

    /// <summary>The transaction the endpoint's effect and the stored response share.</summary>
    public NpgsqlTransaction Transaction { get; }

    /// <summary>The client's key.</summary>
    public string Key { get; }

    internal string Scope { get; }

    internal string Fingerprint { get; }

    /// <summary>Whether the endpoint took the transaction through <see cref="Database.RequestTransaction"/>.</summary>
    internal bool TransactionTaken { get; set; }

    /// <summary>Whether the endpoint asked for its work to be committed.</summary>
    internal bool EndpointCommitted { get; set; }

    /// <summary>The request's key state, when it runs under an Idempotency-Key.</summary>
    /// <param name="httpContext">The current request.</param>
    public static IdempotentRequest? Current(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        return httpContext.Items.TryGetValue(HttpContextItemKey, out var value) ? value as IdempotentRequest : null;
    }

    /// <summary>Holds the response body back until the key row is committed.</summary>
    internal void StartCapturing(HttpResponse response)
    {
        _originalBody = response.Body;
        _capture = new MemoryStream();
        response.Body = _capture;
    }

    /// <summary>Puts the real response stream back and returns what the endpoint wrote.</summary>
    internal byte[] StopCapturing(HttpResponse response)
    {
        if (_originalBody is null || _capture is null)
        {
            return [];
        }

        response.Body = _originalBody;
        var written = _capture.ToArray();
        _originalBody = null;
        _capture.Dispose();
        _capture = null;
        return written;
    }

    /// <summary>Stores the response under the key and commits it with the endpoint's effect.</summary>
    internal async Task CommitAsync(StoredResponse response, TimeSpan retention, CancellationToken cancellationToken)
    {
        await IdempotencyStore.SaveAsync(Connection, Transaction, Scope, Key, response, retention, cancellationToken);
        await Transaction.CommitAsync(cancellationToken);
        _finished = true;
    }

    /// <summary>Undoes the endpoint's effect and frees the key.</summary>
    internal async Task RollbackAsync()
    {
        if (!_finished)
        {
            _finished = true;
            await Transaction.RollbackAsync(CancellationToken.None);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        _capture?.Dispose();
        _capture = null;
        await Transaction.DisposeAsync();
        await Connection.DisposeAsync();
    }
}
