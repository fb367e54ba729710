using CareForAll.Payments.Domain;
using CareForAll.Payments.SslCommerz;

namespace CareForAll.Payments.Tests;

public sealed class ValidationRulesTests
{
    private const string TranId = "CFA261125120000ABCDEF123456";

    private static ValidationResponse Answer(
        string status = "VALID", string tranId = TranId, string amount = "500.00", string currency = "BDT",
        string? currencyType = "BDT", string? currencyAmount = "500.00") => new()
        {
            Status = status,
            TranId = tranId,
            Amount = amount,
            Currency = currency,
            CurrencyType = currencyType,
            CurrencyAmount = currencyAmount,
        };

    [Theory]
    [InlineData("VALID")]
    [InlineData("VALIDATED")]
    [InlineData("valid")]
    public void a_validated_payment_of_our_amount_and_currency_matches(string status) =>
        ValidationRules.Mismatch(Answer(status), TranId, 500m, "BDT").ShouldBeNull();

    [Fact]
    public void an_amount_without_decimals_is_the_same_amount() =>
        ValidationRules.Mismatch(Answer(amount: "500", currencyAmount: "500"), TranId, 500.00m, "BDT").ShouldBeNull();

    [Theory]
    [InlineData("499.99")]
    [InlineData("500.01")]
    [InlineData("499.50")]
    [InlineData("500.001")]
    [InlineData("5,00")]
    [InlineData("")]
    public void any_other_amount_does_not_match_even_within_one_taka(string amount) =>
        ValidationRules.Mismatch(Answer(amount: amount), TranId, 500m, "BDT").ShouldNotBeNull().ShouldContain("amount");

    [Fact]
    public void the_amount_asked_for_must_match_too() =>
        ValidationRules.Mismatch(Answer(currencyAmount: "50.00"), TranId, 500m, "BDT").ShouldNotBeNull().ShouldContain("currency_amount");

    [Theory]
    [InlineData("USD", "BDT")]
    [InlineData("BDT", "USD")]
    public void another_currency_does_not_match(string currency, string currencyType) =>
        ValidationRules.Mismatch(Answer(currency: currency, currencyType: currencyType), TranId, 500m, "BDT").ShouldNotBeNull();

    [Fact]
    public void another_transaction_does_not_match() =>
        ValidationRules.Mismatch(Answer(tranId: "CFA-SOMEONE-ELSE"), TranId, 500m, "BDT").ShouldNotBeNull().ShouldContain("tran_id");

    [Theory]
    [InlineData("INVALID_TRANSACTION")]
    [InlineData("FAILED")]
    [InlineData("")]
    public void an_unpaid_validation_does_not_match(string status) =>
        ValidationRules.Mismatch(Answer(status), TranId, 500m, "BDT").ShouldNotBeNull().ShouldContain("validation status");

    [Theory]
    [InlineData("0", 0)]
    [InlineData("1", 1)]
    [InlineData("", 1)]
    [InlineData(null, 1)]
    [InlineData("2", 1)]
    public void only_risk_level_zero_completes_at_once(string? riskLevel, int expected) =>
        ValidationRules.RiskLevel(riskLevel).ShouldBe(expected);
}
