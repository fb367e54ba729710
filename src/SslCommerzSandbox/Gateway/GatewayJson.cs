using System.Text.Json;
using System.Text.Json.Serialization;

namespace CareForAll.SslCommerzSandbox.Gateway;

/// <summary>
/// How the gateway's own APIs answer: always HTTP 200 with a JSON body, keys in the gateway's snake_case (the few
/// irregular names such as <c>APIConnect</c> are set on the property), in declaration order, absent when null.
/// </summary>
internal static class GatewayJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.General)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>A 200 answer with <paramref name="body"/> serialized by its runtime type.</summary>
    public static IResult Answer(object body) => Results.Json(body, Options, "application/json", StatusCodes.Status200OK);
}
