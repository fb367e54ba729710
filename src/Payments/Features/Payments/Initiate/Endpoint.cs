using System.Diagnostics;
using CareForAll.BuildingBlocks.Database;
using CareForAll.BuildingBlocks.Idempotency;
using CareForAll.BuildingBlocks.Messaging;
using CareForAll.Payments.Data;
using CareForAll.Payments.Domain;
using CareForAll.Payments.Pledges;
using CareForAll.Payments.SslCommerz;
using CareForAll.Payments.Telemetry;
using CareForAll.ServiceDefaults.Api;
using Microsoft.Extensions.Options;

namespace CareForAll.Payments.Features.Payments.Initiate;

/// <summary>
/// Opens (or reopens) the SSLCommerz session of a pledge's one payment. Guests may call it with their pledge token;
/// pledges decides access. The payment row is committed before the gateway is called and no lock is held during
/// the call; the session and <c>payment.initiated</c> commit with the Idempotency-Key's stored answer.
/// </summary>
internal sealed class Endpoint(
    NpgsqlDataSource database,
    PledgesClient pledges,
    SslCommerzClient gateway,
    IOptions<SslCommerzOptions> gatewayOptions,
    PaymentsMetrics metrics,
    TimeProvider clock,
    ILogger<Endpoint> logger) : Endpoint<Request, Response>
{
    private const string DefaultDonorName = "CareForAll donor";
    private const string DefaultDonorEmail = "donor@careforall.invalid";
    private static readonly TimeSpan SessionPoll = TimeSpan.FromMilliseconds(100);
    private static readonly HashSet<string> ClosedCampaignStatuses = new(StringComparer.Ordinal) { "completed", "expired", "cancelled" };

    public override void Configure()
    {
        Post("/api/payments/initiate");
        AllowAnonymous();
        this.Idempotent(required: true);
        MaxRequestBodySize(PaymentsLimits.MaxRequestBodyBytes);
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        await using var unit = await RequestTransaction.BeginAsync(HttpContext, database, ct);
        var pledge = await pledges.GetAsync(req.PledgeId, HttpContext, ct);
        if (!PledgeStatuses.IsPayable(pledge.Status))
        {
            throw new ApiException(StatusCodes.Status409Conflict, "PLEDGE_NOT_PAYABLE",
                "Only a pending pledge can be paid.", new { status = pledge.Status });
        }

        // The pledge was made while its campaign was active; once the campaign has closed it takes no more money.
        // Only a closed status counts: closing is final, while pledges' copy may still say "draft" for a moment after
        // an approval it heard of over HTTP before the event arrived.
        if (pledge.CampaignStatus is { } campaignStatus && ClosedCampaignStatuses.Contains(campaignStatus))
        {
            throw new ApiException(StatusCodes.Status409Conflict, "CAMPAIGN_NOT_ACCEPTING_DONATIONS",
                "This campaign has closed and takes no more donations.", new { campaignStatus });
        }

        if (pledge.Currency != ValidationRules.Bdt || pledge.Amount <= 0)
        {
            throw new ApiException(StatusCodes.Status409Conflict, "PLEDGE_NOT_PAYABLE",
                "Only a positive amount in BDT can be paid.", new { amount = pledge.Amount, currency = pledge.Currency });
        }

        var payment = await PaymentData.FindByPledgeAsync(database, pledge.Id, ct) ?? await CreateAsync(pledge, ct);
        EnsureOpen(payment);
        if (payment.GatewayUrl is not null)
        {
            // One payment per pledge: initiating again returns the session already open.
            await unit.CommitAsync(ct);
            await Send.OkAsync(Mapper.ToResponse(payment), ct);
            return;
        }

        if (await ClaimOrAwaitSessionAsync(payment, ct) is { } opened)
        {
            // Another initiation of this pledge opened the session while we waited: everyone gets that one.
            await unit.CommitAsync(ct);
            await Send.OkAsync(Mapper.ToResponse(opened), ct);
            return;
        }

        SessionResponse session;
        try
        {
            session = await OpenSessionAsync(payment, pledge, ct);
        }
        catch
        {
            await Data.ReleaseSessionClaimAsync(database, payment.Id);
            throw;
        }

        var now = clock.GetUtcNow();
        // The gateway has acted: what it answered is kept even if the caller hangs up now.
        var stored = await Data.StoreSessionAsync(unit.Connection, unit.Transaction, payment.Id, session.SessionKey, session.GatewayPageUrl!, now, CancellationToken.None);
        if (stored is null)
        {
            var winner = await PaymentData.FindByIdAsync(database, payment.Id, CancellationToken.None) ?? payment;
            EnsureOpen(winner);
            await unit.CommitAsync(CancellationToken.None);
            await Send.OkAsync(Mapper.ToResponse(winner), ct);
            return;
        }

        await Outbox.AddAsync(unit.Connection, unit.Transaction, PaymentEvents.Initiated, stored.Id, stored.Version,
            PaymentEvents.Data(stored, null, "gateway session opened", null, TransitionSource.Initiation, null, now), CancellationToken.None);
        await unit.CommitAsync(CancellationToken.None);

        metrics.PaymentInitiated();
        logger.SessionOpened(stored.Id, stored.TranId);
        await Send.ResponseAsync(Mapper.ToResponse(stored), StatusCodes.Status201Created, ct);
    }

    private async Task<PaymentRecord> CreateAsync(PledgeView pledge, CancellationToken ct)
    {
        var traceparent = Activity.Current is { IdFormat: ActivityIdFormat.W3C } activity ? activity.Id : null;
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var now = clock.GetUtcNow();
            var candidate = Mapper.ToNewPayment(pledge, Guid.CreateVersion7(now), TranIds.New(now), traceparent, now);
            if (await Data.TryInsertAsync(database, candidate, ct))
            {
                return await PaymentData.FindByIdAsync(database, candidate.Id, ct)
                    ?? throw new InvalidOperationException($"Payment {candidate.Id} vanished after its insert.");
            }

            // Another initiation for this pledge won the insert; or, vanishingly rarely, the tran_id was taken.
            if (await PaymentData.FindByPledgeAsync(database, pledge.Id, ct) is { } existing)
            {
                return existing;
            }
        }

        throw new InvalidOperationException("Could not draw an unused tran_id.");
    }

    /// <summary>
    /// Null once this request holds the claim to open the session; otherwise waits for the request that holds it
    /// and returns the session it stored (or takes the claim over if that request failed or died).
    /// </summary>
    private async Task<PaymentRecord?> ClaimOrAwaitSessionAsync(PaymentRecord payment, CancellationToken ct)
    {
        // A claim outlives the longest gateway call it covers only by a little.
        var lease = gatewayOptions.Value.Timeout + TimeSpan.FromSeconds(5);
        var deadline = clock.GetUtcNow() + lease;
        while (true)
        {
            var now = clock.GetUtcNow();
            if (await Data.TryClaimSessionAsync(database, payment.Id, now, now - lease, ct))
            {
                return null;
            }

            if (now > deadline)
            {
                throw new ApiException(StatusCodes.Status409Conflict, "PAYMENT_INITIATION_IN_PROGRESS",
                    "This pledge's payment is being opened by another request; try again shortly.");
            }

            await Task.Delay(SessionPoll, clock, ct);
            var current = await PaymentData.FindByIdAsync(database, payment.Id, ct) ?? payment;
            EnsureOpen(current);
            if (current.GatewayUrl is not null)
            {
                return current;
            }
        }
    }

    private async Task<SessionResponse> OpenSessionAsync(PaymentRecord payment, PledgeView pledge, CancellationToken ct)
    {
        var name = pledge.IsAnonymous || string.IsNullOrWhiteSpace(pledge.DonorName) ? DefaultDonorName : pledge.DonorName.Trim();
        var email = GatewayValues.NullIfBlank(pledge.DonorEmail) ?? DefaultDonorEmail;
        SessionResponse session;
        try
        {
            session = await gateway.OpenSessionAsync(
                new SessionRequest(payment.Id, payment.PledgeId, payment.CampaignId, payment.TranId, payment.Amount, payment.Currency, name, email),
                ct);
        }
        catch (SslCommerzUnavailableException ex)
        {
            logger.SessionGatewayUnavailable(payment.TranId, ex.Message);
            throw new ApiException(StatusCodes.Status503ServiceUnavailable, "PAYMENT_GATEWAY_UNAVAILABLE",
                "The payment gateway could not be reached; try again shortly.");
        }

        if (!session.Succeeded)
        {
            // The payment stays pending without a session; a retry reopens it with the same tran_id.
            logger.SessionRefused(payment.TranId, session.FailedReason);
            throw new ApiException(StatusCodes.Status502BadGateway, "PAYMENT_GATEWAY_ERROR",
                "The payment gateway refused to open a session.", new { reason = session.FailedReason });
        }

        return session;
    }

    private static void EnsureOpen(PaymentRecord payment)
    {
        if (!payment.State.IsOpen())
        {
            throw new ApiException(StatusCodes.Status409Conflict, "PAYMENT_ALREADY_SETTLED",
                "This pledge's payment is already settled.", new { paymentId = payment.Id, status = payment.Status });
        }
    }
}
