using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;

namespace CareForAll.Payments.Tests;

/// <summary>
/// Stands in for the gateway's APIs at the HTTP level, answering as sslcommerz.md part B describes: validation
/// (VALID on the first call, VALIDATED after), transaction query by tran_id, refund and refund status.
/// </summary>
internal sealed class FakeSslCommerz : HttpMessageHandler
{
    private readonly ConcurrentDictionary<string, Dictionary<string, object?>> _validations = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _validationCounts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, object> _queries = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _refundStatuses = new();
    private int _validationCalls;
    private int _queryCalls;
    private int _refundCalls;
    private int _sessionCalls;

    public int ValidationCalls => Volatile.Read(ref _validationCalls);

    public int QueryCalls => Volatile.Read(ref _queryCalls);

    public int RefundCalls => Volatile.Read(ref _refundCalls);

    public int SessionCalls => Volatile.Read(ref _sessionCalls);

    /// <summary>When set, the session API refuses (status FAILED) with this reason.</summary>
    public string? SessionRefusal { get; set; }

    public ConcurrentBag<IDictionary<string, string>> SessionRequests { get; } = [];

    /// <summary>When set, every call fails as if the gateway could not be reached.</summary>
    public bool Down { get; set; }

    /// <summary>The refund API's answer: status and errorReason.</summary>
    public (string Status, string? ErrorReason) RefundAnswer { get; set; } = ("success", null);

    public ConcurrentBag<IDictionary<string, string>> RefundRequests { get; } = [];

    /// <summary>Registers a paid transaction the validation API confirms.</summary>
    public void Paid(string valId, string tranId, decimal amount, int riskLevel = 0, string cardType = "BKASH-BKash",
        string currency = "BDT", string? bankTranId = null) =>
        _validations[valId] = new Dictionary<string, object?>
        {
            ["tran_date"] = "2026-11-25 18:00:00",
            ["tran_id"] = tranId,
            ["val_id"] = valId,
            ["amount"] = amount.ToString("0.00", CultureInfo.InvariantCulture),
            ["store_amount"] = (amount * 0.975m).ToString("0.00###", CultureInfo.InvariantCulture),
            ["currency"] = "BDT",
            ["bank_tran_id"] = bankTranId ?? "BANK" + valId,
            ["card_type"] = cardType,
            ["card_no"] = "",
            ["card_issuer"] = "BKash Mobile Banking",
            ["card_brand"] = "MOBILEBANKING",
            ["card_issuer_country"] = "Bangladesh",
            ["card_issuer_country_code"] = "BD",
            ["currency_type"] = currency,
            ["currency_amount"] = amount.ToString("0.00", CultureInfo.InvariantCulture),
            ["currency_rate"] = "1.0000",
            ["base_fair"] = "0.00",
            ["value_a"] = "",
            ["risk_level"] = riskLevel.ToString(CultureInfo.InvariantCulture),
            ["risk_title"] = riskLevel == 0 ? "Safe" : "Not Safe",
            ["APIConnect"] = "DONE",
            ["validated_on"] = "2026-11-25 18:00:05",
            // The real API sends these two as JSON numbers among all the strings.
            ["offer_avail"] = 1,
            ["isTokeizeSuccess"] = 0,
        };

    /// <summary>What the transaction query by tran_id answers: one element per attempt.</summary>
    public void Attempts(string tranId, params object[] elements) =>
        _queries[tranId] = new Dictionary<string, object>
        {
            ["APIConnect"] = "DONE",
            ["no_of_trans_found"] = elements.Length,
            ["element"] = elements,
        };

    public void QueryRefused(string tranId) => _queries[tranId] = new Dictionary<string, object> { ["APIConnect"] = "FAILED" };

    /// <summary>The statuses the refund status API answers, one per call (the last one repeats).</summary>
    public void RefundStatuses(params string[] statuses)
    {
        foreach (var status in statuses)
        {
            _refundStatuses.Enqueue(status);
        }
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        await Task.Yield();
        if (Down)
        {
            throw new HttpRequestException("connection refused");
        }

        var uri = request.RequestUri!;
        var query = QueryHelpers.ParseQuery(uri.Query).ToDictionary(p => p.Key, p => p.Value.ToString(), StringComparer.Ordinal);
        object answer = uri.AbsolutePath switch
        {
            var p when p.EndsWith("validationserverAPI.php", StringComparison.Ordinal) => Validate(query),
            var p when p.EndsWith("merchantTransIDvalidationAPI.php", StringComparison.Ordinal) => MerchantApi(query),
            var p when p.EndsWith("gwprocess/v4/api.php", StringComparison.Ordinal) => await OpenSessionAsync(request),
            _ => throw new InvalidOperationException("Unexpected gateway call " + uri),
        };
        return new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StringContent(JsonSerializer.Serialize(answer), Encoding.UTF8, "application/json"),
        };
    }

    private async Task<object> OpenSessionAsync(HttpRequestMessage request)
    {
        Interlocked.Increment(ref _sessionCalls);
        var form = QueryHelpers.ParseQuery(await request.Content!.ReadAsStringAsync());
        SessionRequests.Add(form.ToDictionary(f => f.Key, f => f.Value.ToString(), StringComparer.Ordinal));
        if (SessionRefusal is { } reason)
        {
            return new { status = "FAILED", failedreason = reason };
        }

        var key = Guid.NewGuid().ToString("N").ToUpperInvariant();
        return new
        {
            status = "SUCCESS",
            failedreason = "",
            sessionkey = key,
            gw = new { visa = "city_visa,ebl_visa" },
            GatewayPageURL = "https://gateway.test/EasyCheckOut/testcde" + key.ToLowerInvariant(),
        };
    }

    private Dictionary<string, object?> Validate(Dictionary<string, string> query)
    {
        Interlocked.Increment(ref _validationCalls);
        var valId = query.GetValueOrDefault("val_id", "");
        if (!_validations.TryGetValue(valId, out var paid))
        {
            return new Dictionary<string, object?> { ["status"] = "INVALID_TRANSACTION" };
        }

        var calls = _validationCounts.AddOrUpdate(valId, 1, (_, n) => n + 1);
        return new Dictionary<string, object?>(paid) { ["status"] = calls == 1 ? "VALID" : "VALIDATED" };
    }

    private object MerchantApi(Dictionary<string, string> query)
    {
        if (query.TryGetValue("refund_ref_id", out var refundRefId))
        {
            var status = _refundStatuses.Count > 1 && _refundStatuses.TryDequeue(out var next) ? next
                : _refundStatuses.TryPeek(out var last) ? last : "processing";
            return new { APIConnect = "DONE", refund_ref_id = refundRefId, status, initiated_on = "2026-11-25 18:00:00", errorReason = "" };
        }

        if (query.ContainsKey("refund_trans_id"))
        {
            Interlocked.Increment(ref _refundCalls);
            RefundRequests.Add(query);
            var (status, error) = RefundAnswer;
            return status == "failed"
                ? new { APIConnect = "DONE", bank_tran_id = query["bank_tran_id"], status, errorReason = error, refund_ref_id = (string?)null }
                : new { APIConnect = "DONE", bank_tran_id = query["bank_tran_id"], status, errorReason = error, refund_ref_id = (string?)"59bd63fea5455" };
        }

        Interlocked.Increment(ref _queryCalls);
        var tranId = query.GetValueOrDefault("tran_id", "");
        return _queries.TryGetValue(tranId, out var found)
            ? found
            : new Dictionary<string, object> { ["APIConnect"] = "DONE", ["no_of_trans_found"] = 0, ["element"] = Array.Empty<object>() };
    }
}
