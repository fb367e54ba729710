using CareForAll.ServiceDefaults.Auth;
using Microsoft.Extensions.Options;

namespace CareForAll.Query.Features.Rebuild;

/// <summary>
/// Internal (the gateway never routes /internal): the admin service's <c>POST /api/admin/read-models/rebuild</c>
/// calls it with the admin's token, which is passed on to campaigns' and pledges' snapshot routes. Answers once the
/// rebuilt figures are committed.
/// </summary>
internal sealed class Endpoint(ReadModelRebuild rebuild, IHttpClientFactory clients, IOptions<RebuildOptions> options)
    : EndpointWithoutRequest<RebuildResult>
{
    public override void Configure()
    {
        Post("/internal/read-models/rebuild");
        Policies(CareForAllPolicies.Admin);

        // Nothing to send: a bare POST (no Content-Type) must reach the handler, not be refused with 415.
        Description(b => b.ClearDefaultAccepts());
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var source = new HttpSnapshotSource(clients, options.Value, SnapshotCaller.From(HttpContext));
        await Send.OkAsync(await rebuild.RebuildAsync(source, ct), ct);
    }
}
