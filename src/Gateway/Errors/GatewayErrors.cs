using CareForAll.ServiceDefaults.Api;

namespace CareForAll.Gateway.Errors;

/// <summary>The error envelopes the gateway answers with itself (nothing upstream was asked).</summary>
internal static class GatewayErrors
{
    public static Task NotFoundAsync(HttpContext context) =>
        EnvelopeWriter.WriteErrorAsync(context, StatusCodes.Status404NotFound, ErrorCodes.NotFound, "No such route.");

    public static Task WriteAsync(HttpContext context, int status, string code, string message) =>
        EnvelopeWriter.WriteErrorAsync(context, status, code, message);
}
