using CareForAll.SslCommerzSandbox.Gateway;

namespace CareForAll.SslCommerzSandbox.Notifications;

/// <summary>Carries out a delivery plan in the background: delay, earlier failure, copies, retries and the browser return.</summary>
internal sealed class NotificationDispatcher(
    NotificationPoster poster,
    BackgroundWork background,
    TimeProvider time,
    ILogger<NotificationDispatcher> logger)
{
    /// <summary>Schedules the deliveries and returns at once.</summary>
    public void Dispatch(PaymentSession session, Notification notification, Notification? earlierFailure, DeliveryPlan plan) =>
        background.Start(session.TranId, cancellationToken => plan.BrowserReturn switch
        {
            BrowserReturn.BeforeIpn => BrowserThenIpnAsync(session, notification, earlierFailure, plan.Ipn, cancellationToken),
            BrowserReturn.AfterIpn => IpnThenBrowserAsync(session, notification, earlierFailure, plan.Ipn, cancellationToken),
            BrowserReturn.Concurrent => Task.WhenAll(
                SendIpnAsync(session, notification, earlierFailure, plan.Ipn, cancellationToken),
                SendBrowserAsync(session, notification, cancellationToken)),
            _ => SendIpnAsync(session, notification, earlierFailure, plan.Ipn, cancellationToken),
        });

    private async Task BrowserThenIpnAsync(
        PaymentSession session, Notification notification, Notification? earlierFailure, IpnPlan ipn, CancellationToken cancellationToken)
    {
        await SendBrowserAsync(session, notification, cancellationToken);
        await SendIpnAsync(session, notification, earlierFailure, ipn, cancellationToken);
    }

    private async Task IpnThenBrowserAsync(
        PaymentSession session, Notification notification, Notification? earlierFailure, IpnPlan ipn, CancellationToken cancellationToken)
    {
        await SendIpnAsync(session, notification, earlierFailure, ipn, cancellationToken);
        await SendBrowserAsync(session, notification, cancellationToken);
    }

    private async Task SendIpnAsync(
        PaymentSession session, Notification notification, Notification? earlierFailure, IpnPlan ipn, CancellationToken cancellationToken)
    {
        if (ipn.Drop || session.IpnUrl is null)
        {
            logger.IpnNotSent(session.TranId, ipn.Drop ? "dropped on request" : "the session has no ipn_url");
            return;
        }

        if (ipn.Delay > TimeSpan.Zero)
        {
            await Task.Delay(ipn.Delay, time, cancellationToken);
        }

        if (earlierFailure is not null)
        {
            await poster.PostWithRetriesAsync(DeliveryRecord.Ipn, earlierFailure, session.IpnUrl, ipn.Retries, 1, cancellationToken);
        }

        // Copies start together so the merchant sees them race, as duplicated IPNs do.
        await Task.WhenAll(Enumerable.Range(1, ipn.Copies).Select(copy =>
            poster.PostWithRetriesAsync(DeliveryRecord.Ipn, notification, session.IpnUrl, ipn.Retries, copy, cancellationToken)));
    }

    // A browser neither retries nor follows the merchant's redirect here: the answer is recorded as it came.
    private Task<DeliveryRecord> SendBrowserAsync(PaymentSession session, Notification notification, CancellationToken cancellationToken) =>
        poster.PostAsync(DeliveryRecord.Browser, notification, session.ReturnUrlFor(notification.Status), 1, 1, cancellationToken);
}
