using CareForAll.BuildingBlocks.Database;
using CareForAll.Notifications.Features.GuestLinks.Decide;
using Microsoft.Extensions.Options;
using MimeKit;

namespace CareForAll.Notifications.Mail.Sending;

/// <summary>
/// Sends queued mail. Woken in process when mail or a guest-link request is written, polling as a
/// fallback and at the next row's due time, it first decides pending "send me my donations" requests, then claims a
/// batch of due mail, sends it over a few SMTP connections at once and marks each row. A mail that fails waits longer after each failure (capped) and stays
/// queued: only a recipient the server refuses for good ends as failed. While the server is unreachable the whole
/// sender backs off (new mail does not make it hammer the server) and every claimed row waits; nothing is lost,
/// everything goes once the server is back. Safe with several replicas. The service's health does not depend on
/// the SMTP server: mail waits, the service stays up.
/// </summary>
internal sealed class MailSender(
    SendStore store,
    IMailTransport transport,
    GuestLinkRequests linkRequests,
    NotificationsMetrics metrics,
    IOptions<SenderOptions> senderOptions,
    IOptions<NotificationsOptions> options,
    TimeProvider clock,
    NpgsqlDataSource database,
    ILogger<MailSender> logger) : BackgroundService
{
    private readonly SenderOptions _options = senderOptions.Value;
    private readonly MailboxAddress _from = MailboxAddress.Parse(options.Value.From);
    private readonly PostgresWakeup _wakeup = new(database, MailQueue.NotifyChannel, logger.ListenFailed);
    private TimeSpan _unavailableBackoff = TimeSpan.Zero;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var listener = _wakeup.ListenAsync(stoppingToken);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                TimeSpan wait;
                var wakeable = true;
                try
                {
                    while (await linkRequests.DecideAsync(stoppingToken) >= _options.LinkRequestBatchSize)
                    {
                        // A full batch: more may be waiting.
                    }

                    var round = await SendRoundAsync(stoppingToken);
                    // Measured every round, outages included: that is when the queue's age matters most.
                    var untilNextDue = await UntilNextDueAsync(stoppingToken);
                    if (round.Unavailable)
                    {
                        wait = _unavailableBackoff;
                        wakeable = false;
                    }
                    else if (round.Claimed >= RoundSize)
                    {
                        continue;
                    }
                    else
                    {
                        wait = untilNextDue;
                    }
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    break;
                }
                catch (Exception ex)
                {
                    // The database is away; mail waits in it.
                    wait = _options.PollInterval;
                    logger.SendRoundFailed(wait, ex);
                }

                await WaitAsync(wait, wakeable, stoppingToken);
            }
        }
        finally
        {
            await listener;
        }
    }

    /// <summary>
    /// One round: claim due mail, send it over up to <see cref="SenderOptions.Connections"/> connections at once (a
    /// backlog after an outage drains that many times faster), settle each row.
    /// </summary>
    internal async Task<SendRound> SendRoundAsync(CancellationToken ct)
    {
        var claimed = await store.ClaimAsync(RoundSize, clock.GetUtcNow(), _options.Lease, ct);
        if (claimed.Count == 0)
        {
            return new SendRound(0, Unavailable: false);
        }

        var perConnection = (claimed.Count + _options.Connections - 1) / _options.Connections;
        var connections = await Task.WhenAll(claimed.Chunk(perConnection).Select(share => SendOverOneConnectionAsync(share, ct)));
        if (connections.Any(c => c.Connected))
        {
            _unavailableBackoff = TimeSpan.Zero;
        }

        var unsent = connections.Where(c => c.Unsent.Count > 0).ToList();
        if (unsent.Count == 0)
        {
            return new SendRound(claimed.Count, Unavailable: false);
        }

        // One back-off for the whole round, however many of its connections found the server away.
        await WaitForServerAsync([.. unsent.SelectMany(c => c.Unsent)], unsent[0].Reason!);
        return new SendRound(claimed.Count, Unavailable: true);
    }

    /// <summary>Mail claimed in one round: a full round means more is probably due.</summary>
    internal int RoundSize => _options.BatchSize * _options.Connections;

    /// <summary>
    /// Sends <paramref name="mails"/> over one connection. What the server's absence left unsent comes back with the
    /// reason; each mail the server answered is settled here.
    /// </summary>
    private async Task<(bool Connected, IReadOnlyList<OutgoingMail> Unsent, string? Reason)> SendOverOneConnectionAsync(
        OutgoingMail[] mails, CancellationToken ct)
    {
        IMailSession session;
        try
        {
            session = await transport.OpenAsync(ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            return (false, mails, SmtpFailures.Describe(ex));
        }

        var settled = 0;
        try
        {
            await using (session)
            {
                foreach (var mail in mails)
                {
                    if (!session.IsConnected)
                    {
                        var unsent = mails[settled..];
                        settled = mails.Length;
                        return (true, unsent, "the SMTP server closed the connection");
                    }

                    if (await SendOneAsync(session, mail, ct) is { } lost)
                    {
                        // The server went away mid-send: this mail and the rest wait for the server, not each on its own backoff.
                        var unsent = mails[settled..];
                        settled = mails.Length;
                        return (true, unsent, lost);
                    }

                    settled++;
                }
            }
        }
        finally
        {
            if (settled < mails.Length)
            {
                // Stopping mid-round: what was not sent is due again at once, not after its lease.
                await store.RetryAsync([.. mails.Skip(settled).Select(m => m.Id)], clock.GetUtcNow(), "the sender stopped before sending it",
                    CancellationToken.None);
            }
        }

        return (true, [], null);
    }

    /// <summary>Sends and settles one mail; when the connection was lost instead, leaves it unsettled and says why.</summary>
    private async Task<string?> SendOneAsync(IMailSession session, OutgoingMail mail, CancellationToken ct)
    {
        try
        {
            await session.SendAsync(MimeMessages.Build(mail, _from, clock.GetUtcNow()), ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            var reason = SmtpFailures.Describe(ex);
            if (SmtpFailures.IsPermanent(ex))
            {
                await store.FailAsync(mail.Id, reason, CancellationToken.None);
                metrics.AttemptFailed(mail.Template, permanent: true);
                logger.MailRejected(mail.Id, mail.Template, reason);
                return null;
            }

            if (!session.IsConnected)
            {
                return reason;
            }

            var delay = Backoff(mail.Attempts);
            await store.RetryAsync([mail.Id], clock.GetUtcNow() + delay, reason, CancellationToken.None);
            metrics.AttemptFailed(mail.Template, permanent: false);
            logger.MailAttemptFailed(mail.Id, mail.Template, mail.Attempts, delay, reason);
            return null;
        }

        // Marked even when stopping: a sent mail left queued would go again after its lease.
        await store.MarkSentAsync(mail.Id, clock.GetUtcNow(), CancellationToken.None);
        metrics.Sent(mail.Template);
        logger.MailSent(mail.Id, mail.Template);
        return null;
    }

    /// <summary>The server cannot be reached: the whole sender backs off, and these mails wait as long.</summary>
    private async Task WaitForServerAsync(IReadOnlyList<OutgoingMail> mails, string reason)
    {
        _unavailableBackoff = _unavailableBackoff == TimeSpan.Zero
            ? _options.InitialBackoff
            : Min(_unavailableBackoff * 2, _options.MaxBackoff);
        await store.RetryAsync([.. mails.Select(m => m.Id)], clock.GetUtcNow() + _unavailableBackoff, reason, CancellationToken.None);
        foreach (var mail in mails)
        {
            metrics.AttemptFailed(mail.Template, permanent: false);
        }

        logger.SmtpUnavailable(reason, mails.Count, _unavailableBackoff);
    }

    /// <summary>The wait after the <paramref name="attempts"/>th failed attempt: doubling from the first, capped.</summary>
    internal TimeSpan Backoff(int attempts)
    {
        var delay = _options.InitialBackoff;
        for (var i = 1; i < attempts && delay < _options.MaxBackoff; i++)
        {
            delay *= 2;
        }

        return Min(delay, _options.MaxBackoff);
    }

    /// <summary>Refreshes the backlog meters and returns how long until the next mail is due (at most the poll interval).</summary>
    private async Task<TimeSpan> UntilNextDueAsync(CancellationToken ct)
    {
        var backlog = await store.BacklogAsync(ct);
        var now = clock.GetUtcNow();
        metrics.Backlog(backlog.Queued, backlog.OldestCreatedAt is { } oldest ? now - Utc(oldest) : TimeSpan.Zero);
        if (backlog.NextDueAt is not { } due)
        {
            return _options.PollInterval;
        }

        var untilDue = Utc(due) - now;
        return untilDue <= TimeSpan.Zero ? TimeSpan.FromMilliseconds(10) : Min(untilDue, _options.PollInterval);
    }

    private async Task WaitAsync(TimeSpan wait, bool wakeable, CancellationToken stoppingToken)
    {
        try
        {
            if (wakeable)
            {
                await _wakeup.WaitAsync(wait, stoppingToken);
            }
            else
            {
                await Task.Delay(wait, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}

/// <summary>What a send round did: how many mails it claimed, and whether the SMTP server could not be reached.</summary>
internal sealed record SendRound(int Claimed, bool Unavailable);
