using CareForAll.Payments.Configuration;
using CareForAll.Payments.Domain;
using CareForAll.Payments.Notifications;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace CareForAll.Payments.Features.Notifications.Return;

/// <summary>
/// The donor's browser coming back from the hosted checkout page (an auto-submitted form carrying the same signed
/// fields as the IPN). Processed exactly like the IPN, then sent on with 303 to the result page with the payment's
/// status; a browser never sees an error page from us, whatever the notification said.
/// </summary>
internal sealed class Endpoint(NotificationProcessor processor, IOptions<PaymentsOptions> options) : EndpointWithoutRequest
{
    private const string UnknownStatus = "unknown";

    public override void Configure()
    {
        Post("/api/payments/return/success", "/api/payments/return/fail", "/api/payments/return/cancel");
        // A cross-site form post with no token: the signature and then the validation API are what we trust.
        AllowAnonymous();
        MaxRequestBodySize(PaymentsLimits.MaxNotificationBytes);
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        NotificationOutcome? outcome = null;
        if (HttpContext.Request.HasFormContentType)
        {
            var form = await HttpContext.Request.ReadFormAsync(ct);
            outcome = await processor.ProcessAsync(
                Notification.FromForm(form, TransitionSource.Browser, NotificationSource.Address(HttpContext)), ct);
        }

        var query = new Dictionary<string, string?>
        {
            ["paymentId"] = outcome?.PaymentId?.ToString() ?? "",
            ["status"] = outcome?.PaymentStatus ?? UnknownStatus,
        };
        var location = QueryHelpers.AddQueryString(options.Value.ResultPage, query);
        await Send.HeadersAsync(headers => headers.Location = location, StatusCodes.Status303SeeOther, ct);
    }
}
