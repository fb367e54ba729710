using CareForAll.Payments.Data;
using CareForAll.Payments.Domain;
using CareForAll.Payments.Refunds;
using CareForAll.ServiceDefaults.Auth;

namespace CareForAll.Payments.Features.Payments.Get;

/// <summary>Who may read a payment, and what they see. Shared with the by-pledge read.</summary>
internal static class PaymentView
{
    /// <summary>
    /// The donor (the payment's user), an admin, or a guest whose pledge token opens the payment's pledge. Everyone
    /// else is told there is no such payment.
    /// </summary>
    public static bool CanRead(HttpContext http, PaymentRecord payment, GuestAccessTokens guestTokens)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(payment);
        ArgumentNullException.ThrowIfNull(guestTokens);
        var user = http.User;
        return user.IsAdmin()
            || (payment.UserId is { } owner && user.UserId() == owner)
            || guestTokens.OpensPledge(http.Request.Headers[GuestAccessTokens.PledgeTokenHeader].ToString(), payment.PledgeId);
    }

    public static async Task<Response> BuildAsync(HttpContext http, NpgsqlDataSource database, PaymentRecord payment, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(http);
        var response = Mapper.ToResponse(payment);
        if (!payment.State.IsOpen())
        {
            response.GatewayUrl = null;
        }

        if (http.User.IsAdmin())
        {
            var history = await Data.HistoryAsync(database, payment.Id, ct);
            var refunds = await RefundData.ForPaymentAsync(database, payment.Id, ct);
            Mapper.AddAdminDetails(response, payment, history, refunds);
        }

        return response;
    }
}
