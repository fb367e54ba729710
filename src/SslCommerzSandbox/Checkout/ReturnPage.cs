using System.Text;
using CareForAll.SslCommerzSandbox.Notifications;

namespace CareForAll.SslCommerzSandbox.Checkout;

/// <summary>
/// What the payer's browser gets after choosing: a form that posts the notification's fields to the merchant's
/// success, fail or cancel URL by itself (a button does it without JavaScript).
/// </summary>
internal static class ReturnPage
{
    public static string Render(string url, Notification notification)
    {
        var body = new StringBuilder();
        body.Append("<h1>Returning to the merchant</h1>\n")
            .Append("<p role=\"status\">Payment status: ").Append(Html.Encode(notification.Status)).Append(".</p>\n")
            .Append("<form method=\"post\" action=\"").Append(Html.Encode(url)).Append("\">\n");
        foreach (var (name, value) in notification.Fields)
        {
            body.Append("<input type=\"hidden\" name=\"").Append(Html.Encode(name))
                .Append("\" value=\"").Append(Html.Encode(value)).Append("\">\n");
        }

        body.Append("<button class=\"primary\" type=\"submit\">Continue to the merchant</button>\n</form>\n");
        return Html.Page("Returning to the merchant", body.ToString(), "onload=\"document.forms[0].submit()\"");
    }
}
