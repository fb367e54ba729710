using System.Text;
using CareForAll.SslCommerzSandbox.Gateway;

namespace CareForAll.SslCommerzSandbox.Checkout;

/// <summary>
/// The hosted checkout page: the store, the amount, a choice of channel, and one button per outcome a tester may
/// want (pay, fail, cancel, leave unattempted, let the session expire).
/// </summary>
internal static class CheckoutPage
{
    /// <summary>The method value that pays with a foreign card, flagged risk_level 1.</summary>
    public const string RiskyCard = "risky-card";

    public static string Render(PaymentSession session, string storeName, bool expired, PaymentMethod? preselected)
    {
        var body = new StringBuilder();
        body.Append("<h1>").Append(Html.Encode(storeName)).Append("</h1>\n")
            .Append("<p class=\"amount\">").Append(Html.Encode(Money.Format(session.CurrencyAmount))).Append(' ')
            .Append(Html.Encode(session.CurrencyType)).Append("</p>\n")
            .Append("<dl>\n")
            .Append("<dt>Transaction</dt><dd>").Append(Html.Encode(session.TranId)).Append("</dd>\n")
            .Append("<dt>For</dt><dd>").Append(Html.Encode(session.ProductName)).Append("</dd>\n")
            .Append("<dt>Payer</dt><dd>").Append(Html.Encode(session.CustomerName)).Append("</dd>\n")
            .Append("</dl>\n");

        if (session.PaidAttempt is { } paid)
        {
            body.Append("<p class=\"note\" role=\"status\">This session is already paid (val_id ")
                .Append(Html.Encode(paid.ValId)).Append(").</p>\n");
            return Html.Page($"Pay {storeName}", body.ToString());
        }

        body.Append("<form method=\"post\">\n");
        if (expired)
        {
            body.Append("<p class=\"note\" role=\"alert\">This payment session has expired.</p>\n")
                .Append("<div class=\"actions\"><button class=\"primary\" name=\"outcome\" value=\"EXPIRED\">")
                .Append("Return to the merchant</button></div>\n");
        }
        else
        {
            AppendMethods(body, session, preselected);
            body.Append("<div class=\"actions\">\n")
                .Append("<button class=\"primary\" name=\"outcome\" value=\"VALID\">Pay</button>\n")
                .Append("<button name=\"outcome\" value=\"FAILED\">Fail</button>\n")
                .Append("<button name=\"outcome\" value=\"CANCELLED\">Cancel</button>\n")
                .Append("<button name=\"outcome\" value=\"UNATTEMPTED\">Close without paying</button>\n")
                .Append("<button name=\"outcome\" value=\"EXPIRED\">Let the session expire</button>\n")
                .Append("</div>\n");
        }

        body.Append("</form>\n");
        return Html.Page($"Pay {storeName}", body.ToString());
    }

    private static void AppendMethods(StringBuilder body, PaymentSession session, PaymentMethod? preselected)
    {
        var offered = PaymentMethod.OfferedBy(session);
        var chosen = preselected is not null && offered.Contains(preselected) ? preselected : offered[0];
        body.Append("<fieldset>\n<legend>Pay with</legend>\n");
        foreach (var method in offered)
        {
            AppendMethod(body, method.Code, method.Label, method == chosen);
        }

        if (offered.Contains(PaymentMethod.Card))
        {
            AppendMethod(body, RiskyCard, "Risky card (foreign issuer: risk_level 1, to be held)", isChecked: false);
        }

        body.Append("</fieldset>\n");
    }

    private static void AppendMethod(StringBuilder body, string value, string label, bool isChecked) =>
        body.Append("<label><input type=\"radio\" name=\"method\" value=\"").Append(Html.Encode(value)).Append('"')
            .Append(isChecked ? " checked" : "").Append("> ").Append(Html.Encode(label)).Append("</label>\n");
}
