using System.Text;
using System.Text.Encodings.Web;

namespace CareForAll.SslCommerzSandbox.Checkout;

/// <summary>The small self-contained pages of the hosted checkout: no external assets, every user text encoded.</summary>
internal static class Html
{
    private const string Style = """
        :root { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; color: #1b1f24; background: #eef1f4; }
        body { margin: 0; }
        main { max-width: 30rem; margin: 2rem auto; background: #fff; padding: 1.5rem; border-radius: .5rem;
               box-shadow: 0 1px 3px rgba(0, 0, 0, .2); }
        h1 { font-size: 1.25rem; margin: 0 0 .25rem; }
        .sandbox { font-size: .875rem; color: #4a5561; margin: 0 0 1rem; }
        .amount { font-size: 2rem; font-weight: 700; margin: .5rem 0 1rem; }
        dl { display: grid; grid-template-columns: auto 1fr; gap: .25rem 1rem; margin: 0 0 1rem; }
        dt { color: #4a5561; }
        dd { margin: 0; overflow-wrap: anywhere; }
        fieldset { border: 1px solid #aab4bf; border-radius: .375rem; margin: 0 0 1rem; padding: .5rem 1rem; }
        legend { font-weight: 600; padding: 0 .25rem; }
        label { display: block; padding: .375rem 0; }
        .actions { display: flex; flex-wrap: wrap; gap: .5rem; }
        button { font: inherit; padding: .625rem 1rem; border-radius: .375rem; border: 1px solid #0b4f8a;
                 background: #fff; color: #0b4f8a; cursor: pointer; }
        button.primary { background: #0b4f8a; color: #fff; }
        button:focus-visible, input:focus-visible { outline: 3px solid #c77c00; outline-offset: 2px; }
        .note { background: #fff4e5; border-left: 4px solid #8a4500; padding: .75rem; margin: 0 0 1rem; }
        """;

    /// <summary>HTML-encodes any text that came from a merchant, a payer or a test.</summary>
    public static string Encode(string? text) => HtmlEncoder.Default.Encode(text ?? "");

    /// <summary>A complete page around <paramref name="body"/> (which must already be encoded).</summary>
    public static string Page(string title, string body, string? bodyAttributes = null)
    {
        var page = new StringBuilder();
        page.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(Encode(title)).Append(" – SSLCommerz sandbox</title>\n")
            .Append("<style>\n").Append(Style).Append("</style>\n</head>\n")
            .Append("<body").Append(bodyAttributes is null ? "" : " " + bodyAttributes).Append(">\n<main>\n")
            .Append("<p class=\"sandbox\">SSLCommerz sandbox: no real money moves.</p>\n")
            .Append(body)
            .Append("</main>\n</body>\n</html>\n");
        return page.ToString();
    }

    /// <summary>A page that only says something, with the right status code.</summary>
    public static IResult Message(int statusCode, string title, string message) =>
        Respond(Page(title, $"<h1>{Encode(title)}</h1>\n<p>{Encode(message)}</p>\n"), statusCode);

    public static IResult Respond(string html, int statusCode = StatusCodes.Status200OK) =>
        Results.Content(html, "text/html; charset=utf-8", Encoding.UTF8, statusCode);
}
