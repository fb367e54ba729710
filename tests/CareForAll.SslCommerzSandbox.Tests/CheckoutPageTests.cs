using CareForAll.SslCommerzSandbox.Signing;

namespace CareForAll.SslCommerzSandbox.Tests;

public sealed class CheckoutPageTests(SandboxApp sandbox) : IClassFixture<SandboxApp>
{
    private GatewayCalls Gateway => sandbox.Gateway;
    private MerchantReceiver Merchant => sandbox.Merchant;

    [Fact]
    public async Task the_page_shows_store_amount_and_channels_with_every_user_text_encoded()
    {
        var tranId = GatewayCalls.NewTranId();
        var fields = Gateway.SessionFields(tranId, "1500.50");
        fields["cus_name"] = "<script>alert('x')</script>";
        fields["product_name"] = "Flood & \"relief\"";
        var key = (await Gateway.OpenSessionAsync(fields)).Text("sessionkey");

        var html = await Gateway.Client.GetStringAsync($"/EasyCheckOut/testcde{key.ToLowerInvariant()}");

        html.ShouldContain("<html lang=\"en\">");
        html.ShouldContain("1500.50 BDT");
        html.ShouldContain(tranId);
        html.ShouldNotContain("<script>");
        html.ShouldContain("&lt;script&gt;");
        html.ShouldContain("Flood &amp; &quot;relief&quot;");
        foreach (var channel in new[] { "bkash", "nagad", "rocket", "card", "risky-card" })
        {
            html.ShouldContain($"value=\"{channel}\"");
        }

        foreach (var outcome in new[] { "VALID", "FAILED", "CANCELLED" })
        {
            html.ShouldContain($"name=\"outcome\" value=\"{outcome}\"");
        }

        html.ShouldNotContain("http://", Case.Insensitive, "the page must not load external assets");
    }

    [Fact]
    public async Task paying_on_the_page_sends_the_ipn_and_returns_a_form_that_posts_the_same_fields_to_success_url()
    {
        var (tranId, key) = await Gateway.OpenAsync();

        using var response = await Gateway.Client.PostAsync(
            $"/EasyCheckOut/testcde{key.ToLowerInvariant()}",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["method"] = "rocket", ["outcome"] = "VALID" }));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain($"<form method=\"post\" action=\"{Merchant.SuccessUrl}\">");
        html.ShouldContain("document.forms[0].submit()");
        await Eventually.UntilAsync(() => Task.FromResult(Merchant.PostsFor(tranId).Count == 1), TimeSpan.FromSeconds(10), "no IPN arrived");
        var ipn = Merchant.PostsFor(tranId).Single();
        ipn["card_type"].ShouldBe("DBBLMOBILEB-Dbbl Mobile Banking");
        NotificationSigner.Verify(ipn.Fields, SandboxApp.StorePassword).ShouldBeTrue();
        foreach (var (name, value) in ipn.Fields)
        {
            html.ShouldContain($"<input type=\"hidden\" name=\"{name}\" value=\"{System.Net.WebUtility.HtmlEncode(value).Replace("&#39;", "&#x27;", StringComparison.Ordinal)}\">");
        }
    }

    [Fact]
    public async Task cancelling_on_the_page_returns_to_cancel_url()
    {
        var (tranId, key) = await Gateway.OpenAsync();

        var html = await PostChoiceAsync(key, "CANCELLED");

        html.ShouldContain($"action=\"{Merchant.CancelUrl}\"");
        html.ShouldContain("value=\"Cancelled by User\"");
        await Eventually.UntilAsync(() => Task.FromResult(Merchant.PostsFor(tranId).Count == 1), TimeSpan.FromSeconds(10), "no IPN arrived");
        Merchant.PostsFor(tranId)[0]["status"].ShouldBe("CANCELLED");
    }

    [Fact]
    public async Task the_risky_card_choice_pays_with_risk_level_1()
    {
        var (tranId, key) = await Gateway.OpenAsync();

        await PostChoiceAsync(key, "VALID", "risky-card");

        await Eventually.UntilAsync(() => Task.FromResult(Merchant.PostsFor(tranId).Count == 1), TimeSpan.FromSeconds(10), "no IPN arrived");
        Merchant.PostsFor(tranId)[0]["risk_level"].ShouldBe("1");
        Merchant.PostsFor(tranId)[0]["risk_title"].ShouldBe("Not Safe");
    }

    [Fact]
    public async Task a_paid_session_refuses_a_second_payment_on_the_page()
    {
        var (_, key) = await Gateway.OpenAsync();
        await PostChoiceAsync(key, "VALID");

        using var again = await Gateway.Client.PostAsync(
            $"/EasyCheckOut/testcde{key}", new FormUrlEncodedContent(new Dictionary<string, string> { ["outcome"] = "VALID" }));

        again.StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task an_unknown_session_page_is_not_found()
    {
        using var response = await Gateway.Client.GetAsync("/EasyCheckOut/testcde00000000000000000000000000000000");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
    }

    [Fact]
    public async Task a_desc_gateway_link_opens_the_page_with_that_channel_chosen()
    {
        var answer = await Gateway.OpenSessionAsync(Gateway.SessionFields(GatewayCalls.NewTranId()));
        var nagad = answer.GetProperty("desc").EnumerateArray().Single(entry => entry.Text("gw") == "nagad");

        using var redirect = await Gateway.Client.GetAsync(new Uri(nagad.Text("redirectGatewayURL")).PathAndQuery);

        redirect.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var html = await Gateway.Client.GetStringAsync(redirect.Headers.Location!.PathAndQuery);
        html.ShouldContain("value=\"nagad\" checked");
    }

    private async Task<string> PostChoiceAsync(string sessionKey, string outcome, string method = "bkash")
    {
        using var response = await Gateway.Client.PostAsync(
            $"/EasyCheckOut/testcde{sessionKey.ToLowerInvariant()}",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["method"] = method, ["outcome"] = outcome }));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return await response.Content.ReadAsStringAsync();
    }
}
