using CareForAll.ServiceDefaults.Auth;

namespace CareForAll.Payments.Features.Payments.Stats;

/// <summary>
/// Payment counts for the admin dashboard (by status, held, refunds waiting). ADMIN only; internal, never routed by
/// the gateway. Counted on request: it is read by an admin now and then, never on a donor's path.
/// </summary>
internal sealed class Endpoint(NpgsqlDataSource database) : EndpointWithoutRequest<Response>
{
    public override void Configure()
    {
        Get("/internal/payments/stats");
        Policies(CareForAllPolicies.Admin);
    }

    public override async Task HandleAsync(CancellationToken ct) =>
        await Send.OkAsync(await Data.ReadAsync(database, ct), ct);
}
