using System.Net.Http.Json;

namespace CareForAll.SslCommerzSandbox.Tests;

/// <summary>Moves the sandbox's clock, so it has a fixture of its own.</summary>
public sealed class SessionExpiryTests(SandboxApp sandbox) : IClassFixture<SandboxApp>
{
    private GatewayCalls Gateway => sandbox.Gateway;

    [Fact]
    public async Task an_unpaid_session_older_than_its_lifetime_reports_EXPIRED_and_takes_only_EXPIRED()
    {
        var (tranId, sessionKey) = await Gateway.OpenAsync();
        (await Gateway.MerchantApiAsync(("sessionkey", sessionKey))).Text("status").ShouldBe("PENDING");

        sandbox.Clock.Advance(TimeSpan.FromMinutes(31));

        (await Gateway.MerchantApiAsync(("sessionkey", sessionKey))).Text("status").ShouldBe("EXPIRED");
        (await Gateway.MerchantApiAsync(("tran_id", tranId))).GetProperty("element")[0].Text("status").ShouldBe("EXPIRED");
        (await Gateway.Client.GetStringAsync($"/EasyCheckOut/testcde{sessionKey}")).ShouldContain("has expired");
        using var late = await Gateway.Client.PostAsJsonAsync("/_sandbox/pay", new { sessionKey });
        late.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await Gateway.PayAsync(new { sessionKey, outcome = "EXPIRED" })).Text("status").ShouldBe("EXPIRED");
    }

    [Fact]
    public async Task a_paid_session_never_expires()
    {
        var (tranId, sessionKey) = await Gateway.OpenAsync();
        await Gateway.PayAsync(new { tranId });

        sandbox.Clock.Advance(TimeSpan.FromHours(2));

        (await Gateway.MerchantApiAsync(("sessionkey", sessionKey))).Text("status").ShouldBe("VALID");
    }
}
