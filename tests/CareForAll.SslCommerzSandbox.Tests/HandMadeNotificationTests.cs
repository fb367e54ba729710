using System.Net.Http.Json;
using CareForAll.SslCommerzSandbox.Signing;

namespace CareForAll.SslCommerzSandbox.Tests;

public sealed class HandMadeNotificationTests(SandboxApp sandbox) : IClassFixture<SandboxApp>
{
    private GatewayCalls Gateway => sandbox.Gateway;
    private MerchantReceiver Merchant => sandbox.Merchant;

    [Fact]
    public async Task a_tampered_notification_does_not_verify_and_its_val_id_is_unknown()
    {
        var (tranId, _) = await Gateway.OpenAsync();

        var delivery = await NotifyAsync(new { tranId, tamper = true });

        delivery.Text("kind").ShouldBe("ipn");
        delivery.GetProperty("responseStatus").GetInt32().ShouldBe(200);
        var posted = Merchant.PostsFor(tranId).Single();
        posted["status"].ShouldBe("VALID");
        NotificationSigner.Verify(posted.Fields, SandboxApp.StorePassword).ShouldBeFalse();
        (await Gateway.ValidateAsync(posted["val_id"])).Text("status").ShouldBe("INVALID_TRANSACTION");
    }

    [Fact]
    public async Task a_claimed_amount_is_correctly_signed_and_the_validator_reports_the_same_amount()
    {
        var (tranId, _) = await Gateway.OpenAsync("100.00");

        var delivery = await NotifyAsync(new { tranId, amount = 10.00m, target = "success" });

        delivery.Text("kind").ShouldBe("browser");
        delivery.Text("url").ShouldBe(Merchant.SuccessUrl);
        var posted = Merchant.PostsFor(tranId).Single();
        posted["amount"].ShouldBe("10.00");
        NotificationSigner.Verify(posted.Fields, SandboxApp.StorePassword).ShouldBeTrue();
        (await Gateway.ValidateAsync(posted["val_id"])).Text("amount").ShouldBe("10.00");
    }

    [Fact]
    public async Task a_valid_notification_after_payment_replays_the_paid_attempt()
    {
        var (tranId, _) = await Gateway.OpenAsync();
        var paid = await Gateway.PayAsync(new { tranId, ipn = new { drop = true } });

        var delivery = await NotifyAsync(new { tranId });

        delivery.Fields()["val_id"].ShouldBe(paid.Text("valId"));
        NotificationSigner.Verify(delivery.Fields(), SandboxApp.StorePassword).ShouldBeTrue();
    }

    [Fact]
    public async Task a_hand_made_failure_is_recorded_as_an_attempt()
    {
        var (tranId, _) = await Gateway.OpenAsync();

        var delivery = await NotifyAsync(new { tranId, status = "FAILED", target = "fail" });

        delivery.Text("status").ShouldBe("FAILED");
        delivery.Text("url").ShouldBe(Merchant.FailUrl);
        (await Gateway.MerchantApiAsync(("tran_id", tranId))).GetProperty("element")[0].Text("status").ShouldBe("FAILED");
    }

    private async Task<JsonElement> NotifyAsync(object request)
    {
        using var response = await Gateway.Client.PostAsJsonAsync("/_sandbox/notifications", request);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body.ToString());
        return body;
    }
}
