using System.Text.Json;
using CareForAll.Payments.Configuration;
using Microsoft.Extensions.Options;
using Polly;

namespace CareForAll.Payments.SslCommerz;

/// <summary>
/// The SSLCommerz v4 API (sslcommerz.md part B): session initiation, order validation, transaction query, refund
/// and refund status. Transport failures and non-JSON answers become <see cref="SslCommerzUnavailableException"/>;
/// the gateway's own refusals come back in the answer for the caller to judge.
/// </summary>
internal sealed class SslCommerzClient(HttpClient http, IOptions<SslCommerzOptions> options, IOptions<PaymentsOptions> payments)
{
    /// <summary>
    /// Marks a call that must never be repeated by the resilience handler: a second session or a second refund
    /// request is a new effect at the gateway, not a retry.
    /// </summary>
    public static readonly HttpRequestOptionsKey<bool> NoRetry = new("CareForAll.SslCommerz.NoRetry");

    private const string SessionPath = "gwprocess/v4/api.php";
    private const string ValidationPath = "validator/api/validationserverAPI.php";
    private const string MerchantApiPath = "validator/api/merchantTransIDvalidationAPI.php";

    // The gateway requires a full postal address; a donation has none, so these stand in for it.
    private const string DefaultAddress = "Dhaka";
    private const string DefaultCity = "Dhaka";
    private const string DefaultPostcode = "1000";
    private const string DefaultCountry = "Bangladesh";
    private const string DefaultPhone = "01700000000";

    public static bool MayRetry(HttpRequestMessage? request) =>
        request is not null && !(request.Options.TryGetValue(NoRetry, out var noRetry) && noRetry);

    public async Task<SessionResponse> OpenSessionAsync(SessionRequest session, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(session);
        var store = options.Value;
        var urls = payments.Value;
        var fields = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["store_id"] = store.StoreId,
            ["store_passwd"] = store.StorePassword,
            ["total_amount"] = GatewayValues.FormatAmount(session.Amount),
            ["currency"] = session.Currency,
            ["tran_id"] = session.TranId,
            ["success_url"] = urls.ReturnUrl("success"),
            ["fail_url"] = urls.ReturnUrl("fail"),
            ["cancel_url"] = urls.ReturnUrl("cancel"),
            ["ipn_url"] = urls.IpnUrl,
            ["cus_name"] = Truncate(session.CustomerName, 50),
            ["cus_email"] = session.CustomerEmail,
            ["cus_add1"] = DefaultAddress,
            ["cus_city"] = DefaultCity,
            ["cus_postcode"] = DefaultPostcode,
            ["cus_country"] = DefaultCountry,
            ["cus_phone"] = DefaultPhone,
            ["shipping_method"] = "NO",
            ["num_of_item"] = "1",
            ["product_name"] = "Campaign donation",
            ["product_category"] = "donation",
            ["product_profile"] = "non-physical-goods",
            ["value_a"] = session.PaymentId.ToString(),
            ["value_b"] = session.PledgeId.ToString(),
            ["value_c"] = session.CampaignId.ToString(),
        };

        using var request = new HttpRequestMessage(HttpMethod.Post, SessionPath) { Content = new FormUrlEncodedContent(fields) };
        request.Options.Set(NoRetry, true);
        var body = await SendAsync(request, ct);
        return Deserialize<SessionResponse>(body);
    }

    public async Task<ValidationResponse> ValidateAsync(string valId, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(valId);
        using var request = Get(ValidationPath, [("val_id", valId), .. Credentials(), ("v", "1"), ("format", "json")]);
        var body = await SendAsync(request, ct);
        var answer = Deserialize<ValidationResponse>(body);
        answer.RawJson = body;
        return answer;
    }

    public async Task<TransactionQueryResponse> QueryByTranIdAsync(string tranId, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tranId);
        using var request = Get(MerchantApiPath, [("tran_id", tranId), .. Credentials(), ("format", "json")]);
        var body = await SendAsync(request, ct);
        return Deserialize<TransactionQueryResponse>(body);
    }

    public async Task<RefundResponse> InitiateRefundAsync(RefundRequest refund, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(refund);
        using var request = Get(MerchantApiPath,
        [
            ("bank_tran_id", refund.BankTranId),
            ("refund_trans_id", refund.RefundTransId),
            ("refund_amount", GatewayValues.FormatAmount(refund.Amount)),
            ("refund_remarks", Truncate(refund.Remarks, 255)),
            ("refe_id", refund.ReferenceId),
            .. Credentials(),
            ("v", "1"),
            ("format", "json"),
        ]);
        request.Options.Set(NoRetry, true);
        var body = await SendAsync(request, ct);
        var answer = Deserialize<RefundResponse>(body);
        answer.RawJson = body;
        return answer;
    }

    public async Task<RefundStatusResponse> RefundStatusAsync(string refundRefId, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(refundRefId);
        using var request = Get(MerchantApiPath, [("refund_ref_id", refundRefId), .. Credentials(), ("format", "json")]);
        var body = await SendAsync(request, ct);
        var answer = Deserialize<RefundStatusResponse>(body);
        answer.RawJson = body;
        return answer;
    }

    private (string, string)[] Credentials() => [("store_id", options.Value.StoreId), ("store_passwd", options.Value.StorePassword)];

    private static HttpRequestMessage Get(string path, IEnumerable<(string Name, string Value)> query) =>
        new(HttpMethod.Get, path + "?" + string.Join('&', query.Select(p => $"{Uri.EscapeDataString(p.Name)}={Uri.EscapeDataString(p.Value)}")));

    private async Task<string> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        try
        {
            using var response = await http.SendAsync(request, ct);
            var body = await response.Content.ReadAsStringAsync(ct);
            // The gateway answers 200 with a JSON status for everything it understood; anything else is transport.
            return response.IsSuccessStatusCode
                ? body
                : throw new SslCommerzUnavailableException($"The gateway answered HTTP {(int)response.StatusCode}.");
        }
        catch (HttpRequestException ex)
        {
            throw new SslCommerzUnavailableException("The gateway could not be reached.", ex);
        }
        catch (TaskCanceledException ex) when (!ct.IsCancellationRequested)
        {
            throw new SslCommerzUnavailableException("The gateway did not answer in time.", ex);
        }
        catch (ExecutionRejectedException ex)
        {
            throw new SslCommerzUnavailableException("The gateway did not answer in time or is failing.", ex);
        }
    }

    private static T Deserialize<T>(string body)
        where T : class
    {
        try
        {
            return JsonSerializer.Deserialize<T>(body, SslCommerzJson.Options)
                ?? throw new SslCommerzUnavailableException("The gateway answered an empty body.");
        }
        catch (JsonException ex)
        {
            throw new SslCommerzUnavailableException("The gateway's answer is not JSON.", ex);
        }
    }

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];
}
