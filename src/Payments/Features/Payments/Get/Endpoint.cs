using CareForAll.Payments.Data;
using CareForAll.ServiceDefaults.Api;
using CareForAll.ServiceDefaults.Auth;

namespace CareForAll.Payments.Features.Payments.Get;

/// <summary>A payment, for its donor, an admin, or a guest holding the pledge's token; 404 for anyone else.</summary>
internal sealed class Endpoint(NpgsqlDataSource database, GuestAccessTokens guestTokens) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Get("/api/payments/{id}");
        // Guests read with their pledge token; access is decided per payment below.
        AllowAnonymous();
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var payment = await PaymentData.FindByIdAsync(database, req.Id, ct);
        if (payment is null || !PaymentView.CanRead(HttpContext, payment, guestTokens))
        {
            throw new ApiException(StatusCodes.Status404NotFound, "PAYMENT_NOT_FOUND", "No payment has this id.");
        }

        await Send.OkAsync(await PaymentView.BuildAsync(HttpContext, database, payment, ct), ct);
    }
}
