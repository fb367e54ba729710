using System.Text.Json.Serialization;

namespace CareForAll.SslCommerzSandbox.Session;

/// <summary>The SUCCESS answer of the session API, keys in the order of a real sandbox capture (sslcommerz.md B 2.3).</summary>
internal sealed class SessionAnswer
{
    public string Status { get; } = "SUCCESS";

    public string Failedreason { get; } = "";

    public required string Sessionkey { get; init; }

    public required GatewayGroups Gw { get; init; }

    [JsonPropertyName("redirectGatewayURL")]
    public string RedirectGatewayUrl { get; } = "";

    [JsonPropertyName("directPaymentURLBank")]
    public string DirectPaymentUrlBank { get; } = "";

    [JsonPropertyName("directPaymentURLCard")]
    public string DirectPaymentUrlCard { get; } = "";

    [JsonPropertyName("directPaymentURL")]
    public string DirectPaymentUrl { get; } = "";

    [JsonPropertyName("redirectGatewayURLFailed")]
    public string RedirectGatewayUrlFailed { get; } = "";

    [JsonPropertyName("GatewayPageURL")]
    public required string GatewayPageUrl { get; init; }

    [JsonPropertyName("storeBanner")]
    public required string StoreBanner { get; init; }

    [JsonPropertyName("storeLogo")]
    public required string StoreLogo { get; init; }

    public required string StoreName { get; init; }

    public required IReadOnlyList<GatewayDescription> Desc { get; init; }

    public string IsDirectPayEnable { get; } = "0";
}
