namespace CareForAll.Admin.Owners;

/// <summary>One request to an owning service on behalf of the admin making the current request.</summary>
/// <param name="Service">The owner (one of <see cref="OwnerServices"/>), or <see cref="OwnerServices.QueryRebuild"/>.</param>
/// <param name="Method">The HTTP method.</param>
/// <param name="Path">The path and query, relative to the owner's base address (no leading slash needed).</param>
/// <param name="Body">Sent as JSON when given.</param>
/// <param name="ForwardIdempotencyKey">
/// Whether the admin's <c>Idempotency-Key</c> goes along, so a retried money move is the owner's one effect.
/// </param>
/// <param name="Retry">
/// Whether a read that failed may be tried again within the call's time; the dashboard says no, since it would rather
/// show a part as unavailable at once than wait out retries the next refresh does anyway.
/// </param>
internal sealed record OwnerCall(string Service, HttpMethod Method, string Path, object? Body = null, bool ForwardIdempotencyKey = false, bool Retry = true)
{
    /// <summary>Marks a request its call said not to retry.</summary>
    public static readonly HttpRequestOptionsKey<bool> NoRetry = new("CareForAll.Admin.NoRetry");

    public static bool MayRetry(HttpRequestMessage? request) =>
        request is not null && !(request.Options.TryGetValue(NoRetry, out var noRetry) && noRetry);

    public static OwnerCall Get(string service, string path) => new(service, HttpMethod.Get, path);

    public static OwnerCall Post(string service, string path, object? body, bool forwardIdempotencyKey = false) =>
        new(service, HttpMethod.Post, path, body, forwardIdempotencyKey);

    public static OwnerCall Patch(string service, string path, object? body) => new(service, HttpMethod.Patch, path, body);

    /// <summary>The owner's name as admins read it (the rebuild client is the query service).</summary>
    public string OwnerName => Service == OwnerServices.QueryRebuild ? OwnerServices.Query : Service;
}
