using System.Globalization;
using CareForAll.Payments.Domain;
using CareForAll.Payments.Notifications;
using CareForAll.Payments.SslCommerz;
using Microsoft.Extensions.Primitives;

namespace CareForAll.Payments.Tests;

public sealed class SmallRulesTests
{
    [Fact]
    public void tran_ids_are_short_unique_and_plain()
    {
        var now = new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
        var ids = Enumerable.Range(0, 2000).Select(_ => TranIds.New(now)).ToList();

        ids.Distinct(StringComparer.Ordinal).Count().ShouldBe(2000);
        ids.ShouldAllBe(id => id.Length <= TranIds.MaxLength && id.StartsWith("CFA261125120000", StringComparison.Ordinal));
        ids.ShouldAllBe(id => id.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c)));
        TranIds.NewRefund(now).ShouldStartWith("RFD");
        TranIds.NewRefund(now).Length.ShouldBeLessThanOrEqualTo(30);
    }

    [Theory]
    [InlineData("BKASH-BKash", "bkash")]
    [InlineData("bKash-BKash", "bkash")]
    [InlineData("NAGAD-Nagad", "nagad")]
    [InlineData("DBBLMOBILEB-Dbbl Mobile Banking", "rocket")]
    [InlineData("ROCKET-Rocket", "rocket")]
    [InlineData("VISA-Dutch Bangla", "card")]
    [InlineData("MASTER-Dutch Bangla", "card")]
    [InlineData("AMEX-City Bank", "card")]
    [InlineData("IBBL-Islami Bank", "other")]
    [InlineData("UPAY-Upay", "other")]
    public void card_type_gives_the_payment_method(string cardType, string method) =>
        PaymentMethods.FromCardType(cardType).ShouldBe(method);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void no_card_type_means_no_method(string? cardType) => PaymentMethods.FromCardType(cardType).ShouldBeNull();

    [Fact]
    public void amounts_go_out_with_two_decimals_whatever_the_culture()
    {
        var before = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
            GatewayValues.FormatAmount(100.5m).ShouldBe("100.50");
            GatewayValues.FormatAmount(1500m).ShouldBe("1500.00");
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }

        GatewayValues.ParseAmount("1135.47525").ShouldBe(1135.47525m);
        GatewayValues.ParseAmount(" 97.5 ").ShouldBe(97.5m);
        GatewayValues.ParseAmount("1,000.00").ShouldBeNull();
    }

    [Fact]
    public void the_same_signed_notification_has_one_webhook_id_and_another_outcome_another()
    {
        var first = WebhookIds.For("CFA1", "VALID", "V1", "abc");

        WebhookIds.For("CFA1", "VALID", "V1", "abc").ShouldBe(first);
        WebhookIds.For("CFA1", "FAILED", "V1", "abc").ShouldNotBe(first);
        WebhookIds.For("CFA1", "VALID", "V2", "abc").ShouldNotBe(first);
        WebhookIds.For("CFA1", "VALID", "V1", "abd").ShouldNotBe(first);
        first.Length.ShouldBe(64);
    }

    [Fact]
    public void a_notification_keeps_every_raw_field_and_reads_the_last_of_a_repeated_one()
    {
        var notification = Notification.FromForm(
            [
                KeyValuePair.Create("tran_id", new StringValues(" CFA1 ")),
                KeyValuePair.Create("status", new StringValues(["FAILED", "valid"])),
                KeyValuePair.Create("extra_field", new StringValues("kept")),
            ],
            "ipn",
            "127.0.0.1");

        notification.TranId.ShouldBe("CFA1");
        notification.Status.ShouldBe("VALID");
        notification.PayloadJson.ShouldContain("\"extra_field\":\"kept\"");
        notification.PayloadJson.ShouldContain("\"status\":[\"FAILED\",\"valid\"]");
    }
}
