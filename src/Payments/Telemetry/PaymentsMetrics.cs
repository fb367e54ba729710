using System.Diagnostics.Metrics;
using CareForAll.Payments.Settlement;
using CareForAll.Payments.SslCommerz;

namespace CareForAll.Payments.Telemetry;

/// <summary>Payments' business meters (Meter <c>CareForAll.Payments</c>), recorded after the work they count committed.</summary>
internal sealed class PaymentsMetrics
{
    public const string MeterName = "CareForAll.Payments";

    private static readonly HashSet<string> KnownStatuses =
    [
        GatewayStatus.Valid, GatewayStatus.Failed, GatewayStatus.Cancelled, GatewayStatus.Unattempted, GatewayStatus.Expired,
    ];

    private readonly Counter<long> _notifications;
    private readonly Counter<long> _duplicates;
    private readonly Counter<long> _refused;
    private readonly Counter<long> _signatureFailures;
    private readonly Counter<long> _reconciliationFixes;
    private readonly Counter<double> _moneyRaised;
    private readonly Counter<long> _initiated;

    public PaymentsMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _notifications = meter.CreateCounter<long>("careforall.payments.notifications.received", "{notification}",
            "Gateway notifications received (IPN and browser returns).");
        _duplicates = meter.CreateCounter<long>("careforall.payments.notifications.duplicates_skipped", "{notification}",
            "Notifications recognised as copies of one already processed.");
        _refused = meter.CreateCounter<long>("careforall.payments.transitions.refused", "{transition}",
            "Payment moves refused by the state machine or by validation.");
        _signatureFailures = meter.CreateCounter<long>("careforall.payments.notifications.signature_failures", "{notification}",
            "Notifications whose signature did not verify.");
        _reconciliationFixes = meter.CreateCounter<long>("careforall.payments.reconciliation.fixes", "{payment}",
            "Payments moved by reconciliation (a lost notification or an expired session).");
        _moneyRaised = meter.CreateCounter<double>("careforall.payments.money_raised", "{currency_unit}",
            "Sum of completed payment amounts.");
        _initiated = meter.CreateCounter<long>("careforall.payments.initiated", "{payment}", "Gateway sessions opened.");
    }

    public void NotificationReceived(string source, string status) =>
        _notifications.Add(1, new("source", source), new("status", KnownStatuses.Contains(status) ? status : "OTHER"));

    public void DuplicateSkipped(string source) => _duplicates.Add(1, new KeyValuePair<string, object?>("source", source));

    public void SignatureFailed(string source) => _signatureFailures.Add(1, new KeyValuePair<string, object?>("source", source));

    public void PaymentInitiated() => _initiated.Add(1);

    /// <summary>Counts what a committed settlement did.</summary>
    public void Record(SettlementReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        foreach (var (from, to) in report.Refused)
        {
            _refused.Add(1, new("from", from), new("to", to));
        }

        foreach (var (amount, currency) in report.Completed)
        {
            _moneyRaised.Add((double)amount, new KeyValuePair<string, object?>("currency", currency));
        }

        foreach (var outcome in report.ReconciliationFixes)
        {
            _reconciliationFixes.Add(1, new KeyValuePair<string, object?>("outcome", outcome));
        }
    }
}
