using CareForAll.SslCommerzSandbox.Gateway;
using CareForAll.SslCommerzSandbox.Notifications;
using CareForAll.SslCommerzSandbox.Session;

namespace CareForAll.SslCommerzSandbox.Checkout;

/// <summary>
/// Maps the hosted checkout page (<c>GatewayPageURL</c>), the action its buttons post to, and the direct-gateway
/// links of the session answer's <c>desc</c>.
/// </summary>
internal static class CheckoutEndpoints
{
    public static void MapCheckout(this IEndpointRouteBuilder app)
    {
        app.MapGet(GatewayUrls.CheckoutPrefix + "{sessionKey}", ShowPage);
        app.MapPost(GatewayUrls.CheckoutPrefix + "{sessionKey}", ChooseAsync);
        app.MapGet(SessionOpener.DirectGatewayPath, OpenDirectGateway);
        app.MapGet("/gwprocess/v4/bankgw/indexhtml.php", OpenDirectGateway);
    }

    private static IResult ShowPage(
        string sessionKey, string? gw, Ledger ledger, TimeProvider time, IOptions<SandboxOptions> options)
    {
        if (ledger.FindSession(sessionKey) is not { } session)
        {
            return UnknownSession();
        }

        var expired = session.IsExpired(time.GetUtcNow(), options.Value.SessionLifetime);
        return Html.Respond(CheckoutPage.Render(session, options.Value.StoreName, expired, MethodForGateway(gw)));
    }

    private static async Task<IResult> ChooseAsync(
        string sessionKey, HttpContext context, Ledger ledger, PaymentCompletion completion)
    {
        if (ledger.FindSession(sessionKey) is not { } session)
        {
            return UnknownSession();
        }

        var form = await GatewayParameters.ReadAsync(context.Request, context.RequestAborted);
        var outcome = TransactionStatus.ParseOutcome(form["outcome"]);
        var risky = string.Equals(form["method"], CheckoutPage.RiskyCard, StringComparison.OrdinalIgnoreCase);
        var method = risky ? PaymentMethod.Card : PaymentMethod.Find(form["method"] ?? PaymentMethod.BKash.Code);
        if (outcome is null || method is null)
        {
            return Html.Message(StatusCodes.Status400BadRequest, "Unknown choice", "Choose a payment channel and one of the buttons.");
        }

        var result = completion.Complete(session, new PaymentChoice(outcome, method, risky ? 1 : 0), DeliveryPlan.Checkout);
        return result.Refusal switch
        {
            AttemptRefusal.AlreadyPaid => Html.Message(
                StatusCodes.Status409Conflict, "Already paid", "This session has already been paid; nothing was charged again."),
            AttemptRefusal.Expired => Html.Message(
                StatusCodes.Status409Conflict, "Session expired", "This payment session has expired; start again from the merchant."),
            _ => Html.Respond(ReturnPage.Render(session.ReturnUrlFor(outcome), result.Notification!)),
        };
    }

    private static IResult OpenDirectGateway(HttpContext context, Ledger ledger)
    {
        var query = context.Request.Query;
        if (ledger.FindSession(query["SESSIONKEY"].ToString()) is not { } session)
        {
            return UnknownSession();
        }

        var page = GatewayUrls.CheckoutPage(GatewayUrls.BaseOf(context.Request), session.SessionKey);
        return Results.Redirect(page + "?gw=" + Uri.EscapeDataString(query["cardname"].ToString()));
    }

    /// <summary>The page's method for a gateway code of the session answer (any VISA gateway means the card).</summary>
    private static PaymentMethod? MethodForGateway(string? gw) =>
        PaymentMethod.All.FirstOrDefault(method => method.GatewayCode == gw)
        ?? (GatewayCatalog.All.Any(entry => entry.Gw == gw && entry.Type == "visa") ? PaymentMethod.Card : null);

    private static IResult UnknownSession() =>
        Html.Message(StatusCodes.Status404NotFound, "Session not found", "This payment session does not exist.");
}
