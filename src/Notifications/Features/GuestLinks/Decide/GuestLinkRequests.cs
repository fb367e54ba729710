using CareForAll.Notifications.Directories;
using CareForAll.Notifications.Mail;
using CareForAll.ServiceDefaults.Auth;
using Microsoft.Extensions.Options;

namespace CareForAll.Notifications.Features.GuestLinks.Decide;

/// <summary>
/// Decides the "send me my donations" requests: an address known to have guest donations, and not sent such a
/// link within <see cref="NotificationsOptions.GuestLinkInterval"/>, gets the signed history link; any other
/// request is dropped without a trace the caller could see. Run by the sender's loop.
/// </summary>
internal sealed class GuestLinkRequests(
    NpgsqlDataSource database,
    MailQueue queue,
    GuestAccessTokens guestTokens,
    IOptions<NotificationsOptions> options,
    IOptions<SenderOptions> senderOptions,
    TimeProvider clock,
    ILogger<GuestLinkRequests> logger)
{
    /// <summary>Decides one batch of requests; returns how many were taken.</summary>
    public async Task<int> DecideAsync(CancellationToken ct)
    {
        await using var connection = await database.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var requests = await Data.TakeAsync(connection, transaction, senderOptions.Value.LinkRequestBatchSize, ct);
        if (requests.Count == 0)
        {
            return 0;
        }

        var settings = options.Value;
        var mailed = 0;
        foreach (var request in requests)
        {
            var requestedAt = new DateTimeOffset(DateTime.SpecifyKind(request.RequestedAt, DateTimeKind.Utc));
            if (!await GuestDonors.TakeLinkSlotAsync(connection, transaction, request.Email, requestedAt, settings.GuestLinkInterval, ct))
            {
                continue;
            }

            var model = new GuestHistoryLinkModel(
                GuestHistoryLink.For(settings, guestTokens, request.Email, settings.GuestHistoryLinkLifetime),
                clock.GetUtcNow().Add(settings.GuestHistoryLinkLifetime));
            await queue.QueueAsync(connection, transaction,
                new MailDraft(MailTemplateNames.GuestHistoryLink, MailLanguage.EnglishAndBangla, model, Sensitive: true),
                new Recipient(request.Email, null),
                $"{MailTemplateNames.GuestHistoryLink}:request:{request.Id}",
                MailOrigin.Request,
                ct);
            mailed++;
        }

        await transaction.CommitAsync(ct);
        logger.LinkRequestsDecided(requests.Count, mailed);
        return requests.Count;
    }
}
