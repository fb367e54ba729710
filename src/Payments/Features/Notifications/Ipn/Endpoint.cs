using CareForAll.Payments.Configuration;
using CareForAll.Payments.Domain;
using CareForAll.Payments.Notifications;
using CareForAll.ServiceDefaults.Api;
using Microsoft.Extensions.Options;

namespace CareForAll.Payments.Features.Notifications.Ipn;

/// <summary>
/// SSLCommerz's server-to-server notification (a form post). Answers 200 only once the notification is durably
/// processed or recognised as a copy; 400 for a bad signature; 503 (so the gateway retries) when the validation API
/// could not be reached; any other failure is a 5xx too.
/// </summary>
internal sealed class Endpoint(NotificationProcessor processor, IOptions<PaymentsOptions> options, ILogger<Endpoint> logger)
    : EndpointWithoutRequest<Response>
{
    public override void Configure()
    {
        Post("/api/payments/webhook/ipn");
        // The gateway has no token: the signature and then the validation API are what we trust.
        AllowAnonymous();
        MaxRequestBodySize(PaymentsLimits.MaxNotificationBytes);
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var address = NotificationSource.Address(HttpContext);
        if (!NotificationSource.IsAllowed(address, options.Value.Ipn.AllowedAddresses))
        {
            logger.IpnAddressRefused(address);
            throw new ApiException(StatusCodes.Status403Forbidden, "IPN_SOURCE_REFUSED", "Notifications are accepted from the gateway only.");
        }

        if (!HttpContext.Request.HasFormContentType)
        {
            throw new ApiException(StatusCodes.Status415UnsupportedMediaType, ErrorCodes.UnsupportedMediaType, "The notification must be a form post.");
        }

        var form = await HttpContext.Request.ReadFormAsync(ct);
        var outcome = await processor.ProcessAsync(Notification.FromForm(form, TransitionSource.Ipn, address), ct);
        switch (outcome.Result)
        {
            case NotificationResult.SignatureInvalid:
                throw new ApiException(StatusCodes.Status400BadRequest, "INVALID_SIGNATURE", "The notification's signature does not verify.");
            case NotificationResult.Deferred:
                throw new ApiException(StatusCodes.Status503ServiceUnavailable, "NOTIFICATION_DEFERRED",
                    "The notification is stored but could not be validated yet; send it again.");
            default:
                await Send.OkAsync(Mapper.ToResponse(outcome), ct);
                break;
        }
    }
}
