using CareForAll.Admin.Configuration;
using CareForAll.Admin.Features.SystemNotifications.DeadLetters;
using CareForAll.Admin.Owners;
using CareForAll.BuildingBlocks.Messaging;
using Microsoft.Extensions.Options;

namespace CareForAll.Admin.Features.Dashboard.Stats;

/// <summary>
/// Gathers the dashboard's parts at once, each bounded by <c>Admin:Dashboard:PartTimeout</c>: the page takes as
/// long as its slowest answering part, and a service that is down costs one timeout, not the page.
/// </summary>
internal sealed class DashboardParts(
    OwnerClient owners,
    IDeadLetterCounter deadLetters,
    NpgsqlDataSource database,
    IOptions<DashboardOptions> options)
{
    public async Task<Response> CollectAsync(HttpContext caller, CancellationToken ct)
    {
        var timeout = options.Value.PartTimeout;
        var statistics = PartAsync(OwnerServices.Query, "internal/statistics/dashboard", caller, timeout, ct);
        var payments = PartAsync(OwnerServices.Payments, "internal/payments/stats", caller, timeout, ct);
        var outbox = options.Value.OutboxServiceNames
            .Select(service => PartAsync(service, "internal/messaging/status", caller, timeout, ct))
            .ToArray();
        var queues = MessagingTopology.Queues.Keys.Order(StringComparer.Ordinal)
            .Select(queue => DeadLettersAsync(queue, timeout, ct))
            .ToArray();
        var unread = UnreadAsync(timeout, ct);

        return new Response
        {
            Statistics = await statistics,
            Payments = await payments,
            Outbox = await Task.WhenAll(outbox),
            DeadLetters = await Task.WhenAll(queues),
            SystemNotifications = await unread,
        };
    }

    private async Task<ServicePart> PartAsync(string service, string path, HttpContext caller, TimeSpan timeout, CancellationToken ct)
    {
        var answer = await owners.SendAsync(OwnerCall.Get(service, path) with { Retry = false }, caller, ct, timeout);
        if (answer.IsSuccess && answer.Data() is { } data)
        {
            return new ServicePart { Service = service, Available = true, Data = data };
        }

        var problem = answer.StatusCode is { } status
            ? $"answered {status}{(answer.ErrorCode() is { } code ? " " + code : "")}"
            : answer.Failure;
        return new ServicePart { Service = service, Available = false, Problem = problem };
    }

    private async Task<DeadLetterPart> DeadLettersAsync(string queue, TimeSpan timeout, CancellationToken ct)
    {
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(ct);
        bounded.CancelAfter(timeout);
        long? count;
        try
        {
            count = await deadLetters.CountAsync(queue, bounded.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            count = null;
        }

        return new DeadLetterPart
        {
            Queue = queue,
            DeadLetterQueue = MessagingNames.DeadLetterQueue(queue),
            Available = count is not null,
            Messages = count,
        };
    }

    private async Task<NotificationsPart> UnreadAsync(TimeSpan timeout, CancellationToken ct)
    {
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(ct);
        bounded.CancelAfter(timeout);
        try
        {
            return new NotificationsPart { Available = true, Unread = await Data.SystemNotificationStore.CountUnreadAsync(database, bounded.Token) };
        }
        catch (Exception ex) when (!ct.IsCancellationRequested && ex is NpgsqlException or OperationCanceledException or TimeoutException)
        {
            return new NotificationsPart { Available = false };
        }
    }
}
