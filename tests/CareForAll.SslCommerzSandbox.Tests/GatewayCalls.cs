using System.Net.Http.Json;

namespace CareForAll.SslCommerzSandbox.Tests;

/// <summary>Calls a merchant makes to the gateway, and the control API calls a test makes.</summary>
internal sealed class GatewayCalls(HttpClient client, MerchantReceiver merchant)
{
    public HttpClient Client => client;

    /// <summary>A fresh tran_id of 27 characters (the gateway allows 30).</summary>
    public static string NewTranId() => "CFA" + Guid.NewGuid().ToString("N")[..24];

    /// <summary>A complete session request, as the payments service sends it.</summary>
    public Dictionary<string, string> SessionFields(string tranId, string amount = "100.00") => new(StringComparer.Ordinal)
    {
        ["store_id"] = SandboxApp.StoreId,
        ["store_passwd"] = SandboxApp.StorePassword,
        ["total_amount"] = amount,
        ["currency"] = "BDT",
        ["tran_id"] = tranId,
        ["success_url"] = merchant.SuccessUrl,
        ["fail_url"] = merchant.FailUrl,
        ["cancel_url"] = merchant.CancelUrl,
        ["ipn_url"] = merchant.IpnUrl,
        ["product_category"] = "Donation",
        ["product_name"] = "Flood relief",
        ["product_profile"] = "non-physical-goods",
        ["cus_name"] = "Rahim Uddin",
        ["cus_email"] = "rahim@example.com",
        ["cus_add1"] = "House 1, Road 2",
        ["cus_city"] = "Dhaka",
        ["cus_postcode"] = "1207",
        ["cus_country"] = "Bangladesh",
        ["cus_phone"] = "01700000000",
        ["shipping_method"] = "NO",
        ["num_of_item"] = "1",
        ["value_a"] = "pledge-42",
    };

    public async Task<JsonElement> OpenSessionAsync(IEnumerable<KeyValuePair<string, string>> fields, bool multipart = false)
    {
        HttpContent content;
        if (multipart)
        {
            var form = new MultipartFormDataContent();
            foreach (var (name, value) in fields)
            {
                form.Add(new StringContent(value), name);
            }

            content = form;
        }
        else
        {
            content = new FormUrlEncodedContent(fields);
        }

        using (content)
        {
            using var response = await client.PostAsync("/gwprocess/v4/api.php", content);
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            return await response.Content.ReadFromJsonAsync<JsonElement>();
        }
    }

    /// <summary>Opens a session for a new (or the given) tran_id and returns its key.</summary>
    public async Task<(string TranId, string SessionKey)> OpenAsync(string amount = "100.00", string? tranId = null)
    {
        tranId ??= NewTranId();
        var answer = await OpenSessionAsync(SessionFields(tranId, amount));
        answer.GetProperty("status").GetString().ShouldBe("SUCCESS", answer.ToString());
        return (tranId, answer.GetProperty("sessionkey").GetString()!);
    }

    public async Task<JsonElement> ValidateAsync(string valId, string password = SandboxApp.StorePassword) =>
        await GetJsonAsync($"/validator/api/validationserverAPI.php?val_id={Uri.EscapeDataString(valId)}"
            + $"&store_id={SandboxApp.StoreId}&store_passwd={Uri.EscapeDataString(password)}&v=1&format=json");

    /// <summary>Calls merchantTransIDvalidationAPI.php with the store's credentials and these parameters.</summary>
    public async Task<JsonElement> MerchantApiAsync(params (string Name, string Value)[] parameters)
    {
        var query = string.Join('&', parameters.Append(("store_id", SandboxApp.StoreId)).Append(("store_passwd", SandboxApp.StorePassword))
            .Select(parameter => $"{parameter.Item1}={Uri.EscapeDataString(parameter.Item2)}"));
        return await GetJsonAsync("/validator/api/merchantTransIDvalidationAPI.php?" + query + "&format=json");
    }

    public async Task<JsonElement> GetJsonAsync(string url)
    {
        using var response = await client.GetAsync(url);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public async Task<JsonElement> PayAsync(object request)
    {
        using var response = await client.PostAsJsonAsync("/_sandbox/pay", request);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body.ToString());
        return body;
    }

    public async Task<JsonElement[]> DeliveriesAsync(string tranId) =>
        [.. (await GetJsonAsync($"/_sandbox/deliveries?tranId={tranId}")).EnumerateArray()];

    /// <summary>Waits until the deliveries of <paramref name="tranId"/> satisfy <paramref name="done"/>.</summary>
    public async Task<JsonElement[]> WaitForDeliveriesAsync(string tranId, Func<JsonElement[], bool> done, string failure)
    {
        JsonElement[] deliveries = [];
        await Eventually.UntilAsync(async () => done(deliveries = await DeliveriesAsync(tranId)), TimeSpan.FromSeconds(10), failure);
        return deliveries;
    }
}
