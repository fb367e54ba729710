using CareForAll.Payments.Data;
using CareForAll.ServiceDefaults.Api;
using CareForAll.ServiceDefaults.Auth;
using ById = CareForAll.Payments.Features.Payments.Get;

namespace CareForAll.Payments.Features.Payments.GetByPledge;

/// <summary>A pledge's one payment, with the same access rule and view as reading it by id.</summary>
internal sealed class Endpoint(NpgsqlDataSource database, GuestAccessTokens guestTokens)
    : Endpoint<Request, ById.Response>
{
    public override void Configure()
    {
        Get("/api/payments/pledge/{pledgeId}");
        AllowAnonymous();
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var payment = await PaymentData.FindByPledgeAsync(database, req.PledgeId, ct);
        if (payment is null || !ById.PaymentView.CanRead(HttpContext, payment, guestTokens))
        {
            throw new ApiException(StatusCodes.Status404NotFound, "PAYMENT_NOT_FOUND", "No payment exists for this pledge.");
        }

        await Send.OkAsync(await ById.PaymentView.BuildAsync(HttpContext, database, payment, ct), ct);
    }
}
