using CareForAll.SslCommerzSandbox.Checkout;
using CareForAll.SslCommerzSandbox.Gateway;
using CareForAll.SslCommerzSandbox.Notifications;

namespace CareForAll.SslCommerzSandbox.Control;

/// <summary>Reads a scripted payment into the payer's choice and the delivery plan, refusing anything out of range.</summary>
internal static class PayRequestReader
{
    private const int MaxDelayMs = 120_000;
    private const int MaxCopies = 10;
    private const int MaxRetries = 10;

    private static readonly Dictionary<string, BrowserReturn> BrowserReturns = new(StringComparer.OrdinalIgnoreCase)
    {
        ["none"] = BrowserReturn.None,
        ["before-ipn"] = BrowserReturn.BeforeIpn,
        ["after-ipn"] = BrowserReturn.AfterIpn,
        ["concurrent"] = BrowserReturn.Concurrent,
    };

    public static (PaymentChoice Choice, DeliveryPlan Plan) Read(PayRequest request, PaymentSession session)
    {
        var errors = new ValidationErrors();
        var outcome = request.Outcome is null ? TransactionStatus.Valid : TransactionStatus.ParseOutcome(request.Outcome);
        if (outcome is null)
        {
            errors.Add("outcome", $"Must be one of {string.Join(", ", TransactionStatus.Outcomes)}.");
        }

        var method = ReadMethod(request.Method, session, errors, "method");
        var riskLevel = ReadRiskLevel(request.RiskLevel, errors, "riskLevel");

        var ipn = request.Ipn ?? new IpnRequest(null, null, null, null, null);
        var delayMs = ipn.DelayMs ?? 0;
        if (delayMs is < 0 or > MaxDelayMs)
        {
            errors.Add("ipn.delayMs", $"Must be from 0 to {MaxDelayMs}.");
        }

        var copies = ipn.Copies ?? IpnPlan.Default.Copies;
        if (copies is < 1 or > MaxCopies)
        {
            errors.Add("ipn.copies", $"Must be from 1 to {MaxCopies}.");
        }

        var retries = ipn.Retries ?? IpnPlan.Default.Retries;
        if (retries is < 0 or > MaxRetries)
        {
            errors.Add("ipn.retries", $"Must be from 0 to {MaxRetries}.");
        }

        var browserReturn = BrowserReturn.None;
        if (request.BrowserReturn is not null && !BrowserReturns.TryGetValue(request.BrowserReturn, out browserReturn))
        {
            errors.Add("browserReturn", "Must be one of none, before-ipn, after-ipn, concurrent.");
        }

        errors.ThrowIfAny();
        var plan = new DeliveryPlan(
            new IpnPlan(TimeSpan.FromMilliseconds(delayMs), ipn.Drop ?? false, copies, ipn.EarlierFailure ?? false, retries),
            browserReturn);
        return (new PaymentChoice(outcome!, method!, riskLevel), plan);
    }

    /// <summary>The method (bkash when absent), which the session must offer (multi_card_name).</summary>
    public static PaymentMethod? ReadMethod(string? code, PaymentSession session, ValidationErrors errors, string field)
    {
        var method = code is null ? PaymentMethod.BKash : PaymentMethod.Find(code);
        if (method is null)
        {
            errors.Add(field, $"Must be one of {string.Join(", ", PaymentMethod.All.Select(known => known.Code))}.");
        }
        else if (!PaymentMethod.OfferedBy(session).Contains(method))
        {
            errors.Add(field, $"This session does not offer {method.Code} (multi_card_name {session.MultiCardName}).");
        }

        return method;
    }

    public static int ReadRiskLevel(int? riskLevel, ValidationErrors errors, string field)
    {
        if (riskLevel is not (null or 0 or 1))
        {
            errors.Add(field, "Must be 0 or 1.");
        }

        return riskLevel ?? 0;
    }
}
