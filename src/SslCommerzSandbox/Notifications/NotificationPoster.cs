namespace CareForAll.SslCommerzSandbox.Notifications;

/// <summary>Posts a notification as a urlencoded form, records every attempt and retries when asked.</summary>
internal sealed class NotificationPoster(
    IHttpClientFactory clients,
    DeliveryJournal journal,
    TimeProvider time,
    IOptions<SandboxOptions> options,
    ILogger<NotificationPoster> logger)
{
    /// <summary>The HttpClient that follows no redirect and has no resilience handler: retries are the plan's, and counted.</summary>
    public const string ClientName = "sslcommerz-notifications";

    private const int BodyLimit = 500;
    private static readonly TimeSpan FirstBackoff = TimeSpan.FromMilliseconds(200);

    /// <summary>Posts until the merchant answers 2xx or the retries are spent (back-off 200 ms, 400 ms, 800 ms...).</summary>
    public async Task PostWithRetriesAsync(
        string kind, Notification notification, string url, int retries, int copy, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var record = await PostAsync(kind, notification, url, attempt, copy, cancellationToken);
            if (record.Delivered || attempt > retries)
            {
                return;
            }

            await Task.Delay(FirstBackoff * Math.Pow(2, attempt - 1), time, cancellationToken);
        }
    }

    /// <summary>One attempt, recorded whatever happens.</summary>
    public async Task<DeliveryRecord> PostAsync(
        string kind, Notification notification, string url, int attempt, int copy, CancellationToken cancellationToken)
    {
        var sequence = journal.NextSequence();
        var sentAt = time.GetUtcNow();
        int? status = null;
        string? body = null, error = null, location = null;

        using var timeout = new CancellationTokenSource(options.Value.DeliveryTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(notification.Fields) };
            using var response = await clients.CreateClient(ClientName).SendAsync(request, linked.Token);
            status = (int)response.StatusCode;
            location = response.Headers.Location?.ToString();
            var text = await response.Content.ReadAsStringAsync(linked.Token);
            body = text.Length > BodyLimit ? text[..BodyLimit] : text;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            error = $"Timed out after {options.Value.DeliveryTimeout.TotalMilliseconds:0} ms";
        }
        catch (HttpRequestException exception)
        {
            error = exception.Message;
        }

        var record = new DeliveryRecord(
            sequence, notification.TranId, kind, notification.Status, url, attempt, copy, sentAt, time.GetUtcNow(), status, body,
            error, location,
            notification.Fields.ToDictionary(field => field.Key, field => field.Value, StringComparer.Ordinal));
        journal.Add(record);

        if (status is { } answered)
        {
            logger.NotificationAnswered(kind, notification.Status, notification.TranId, url, attempt, answered);
        }
        else
        {
            logger.NotificationUndelivered(kind, notification.Status, notification.TranId, url, attempt, error);
        }

        return record;
    }

    /// <summary>Configures the client: no redirects (a browser return is answered with 303), no cookies, our own timeout.</summary>
#pragma warning disable EXTEXP0001 // Evaluation API, but the only way to undo the service defaults' handler for one client.
    public static void Configure(IServiceCollection services) =>
        services.AddHttpClient(ClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false })
            .RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
}
