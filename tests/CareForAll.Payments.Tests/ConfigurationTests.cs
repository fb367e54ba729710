using CareForAll.Payments.Configuration;
using CareForAll.Payments.Notifications;
using CareForAll.Payments.SslCommerz;
using Microsoft.AspNetCore.Http;

namespace CareForAll.Payments.Tests;

public sealed class ConfigurationTests
{
    [Fact]
    public void callback_urls_hang_off_the_public_base_url()
    {
        var options = new PaymentsOptions { PublicBaseUrl = "https://careforall.example/" };

        options.Problem().ShouldBeNull();
        options.IpnUrl.ShouldBe("https://careforall.example/api/payments/webhook/ipn");
        options.ReturnUrl("cancel").ShouldBe("https://careforall.example/api/payments/return/cancel");
        options.ResultPage.ShouldBe("https://careforall.example/donate/result");
        new PaymentsOptions { PublicBaseUrl = "https://a.example", ResultPageUrl = "https://spa.example/done" }.ResultPage
            .ShouldBe("https://spa.example/done");
    }

    [Fact]
    public void missing_settings_are_named_at_start()
    {
        new PaymentsOptions().Problem().ShouldNotBeNull().ShouldContain("PublicBaseUrl");
        new PaymentsOptions { PublicBaseUrl = "https://a.example", Ipn = { AllowedAddresses = ["not-an-ip"] } }.Problem()
            .ShouldNotBeNull().ShouldContain("AllowedAddresses");
        new SslCommerzOptions { BaseUrl = "http://sslcommerz", StoreId = "s" }.Problem().ShouldNotBeNull().ShouldContain("StorePassword");
        new SslCommerzOptions { BaseUrl = "http://sslcommerz", StoreId = "s", StorePassword = "p" }.Problem().ShouldBeNull();
        new ReconciliationOptions { Interval = TimeSpan.Zero }.Problem().ShouldNotBeNull();
        new ReconciliationOptions().Problem().ShouldBeNull();
        new RefundTrackingOptions().Problem().ShouldBeNull();
    }

    [Fact]
    public void the_ipn_allowlist_is_off_when_empty_and_strict_otherwise()
    {
        NotificationSource.IsAllowed("198.51.100.1", []).ShouldBeTrue();
        NotificationSource.IsAllowed("103.26.139.81", ["103.26.139.81", "103.132.153.81"]).ShouldBeTrue();
        NotificationSource.IsAllowed("::ffff:103.26.139.81", ["103.26.139.81"]).ShouldBeTrue();
        NotificationSource.IsAllowed("198.51.100.1", ["103.26.139.81"]).ShouldBeFalse();
        NotificationSource.IsAllowed(null, ["103.26.139.81"]).ShouldBeFalse();
    }

    [Fact]
    public void behind_our_gateway_the_last_forwarded_hop_is_the_source()
    {
        var http = new DefaultHttpContext();
        http.Request.Headers["X-Forwarded-For"] = "6.6.6.6, 103.26.139.81";

        NotificationSource.Address(http).ShouldBe("103.26.139.81");
    }
}
