using System.Text.Json;
using System.Text.Json.Serialization;
using FastEndpoints;
using FluentValidation.Results;
using Microsoft.AspNetCore.Http;

namespace CareForAll.ServiceDefaults.Api;

/// <summary>The FastEndpoints global configuration that makes every endpoint answer in the envelope.</summary>
internal static partial class FastEndpointsEnvelope
{
    // FastEndpoints stores the response it is sending under this item ("for third party libs to access the response").
    private const string StoredResponseItem = "FastEndpointsResponse";

    internal const string ValidationMessage = "One or more fields are invalid.";

    internal const string MalformedBodyMessage = "The request body is not valid JSON of the expected shape";

    public static void Apply(Config config)
    {
        config.Serializer.ResponseSerializer = SerializeAsync;
        config.Errors.ContentType = "application/json";
        config.Errors.ProducesMetadataType = typeof(ErrorEnvelope);
        config.Errors.ResponseBuilder = BuildErrorResponse;
        config.Endpoints.GlobalResponseModifierAsync = WriteBodilessErrorAsync;
    }

    private static Task SerializeAsync(HttpResponse response, object? dto, string contentType, JsonSerializerContext? context, CancellationToken ct) =>
        EnvelopeWriter.WriteAsync(response.HttpContext, EnvelopeWriter.Wrap(response.HttpContext, response.StatusCode, dto), ct);

    /// <summary>Validation failures (and <c>ThrowError</c>) become an error envelope listing every failing field.</summary>
    internal static ErrorEnvelope BuildErrorResponse(List<ValidationFailure> failures, HttpContext context, int statusCode)
    {
        var details = failures
            .GroupBy(f => FieldName(f.PropertyName), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(f => ClientMessage(f.ErrorMessage)).Distinct(StringComparer.Ordinal).ToArray(), StringComparer.Ordinal);

        return statusCode == StatusCodes.Status400BadRequest
            ? EnvelopeWriter.Error(context, ErrorCodes.ValidationError, ValidationMessage, details)
            : EnvelopeWriter.Error(
                context,
                ErrorCodes.ForStatus(statusCode),
                failures.Count > 0 ? ClientMessage(failures[0].ErrorMessage) : ErrorCodes.MessageForStatus(statusCode),
                details);
    }

    /// <summary>
    /// The serializer's own message for a body it could not read names the code's types ("could not be converted to
    /// CareForAll....Request"); the caller learns only where in the body it went wrong.
    /// </summary>
    internal static string ClientMessage(string message)
    {
        if (!SerializerMessage().IsMatch(message))
        {
            return message;
        }

        var path = JsonPath().Match(message);
        return path.Success ? $"{MalformedBodyMessage} (at {path.Groups["path"].Value})." : $"{MalformedBodyMessage}.";
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"Path: \$|LineNumber: |BytePositionInLine: |could not be converted to|JsonTokenType|System\.|deserializ", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex SerializerMessage();

    [System.Text.RegularExpressions.GeneratedRegex(@"Path: (?<path>\$[^\s|]*)")]
    private static partial System.Text.RegularExpressions.Regex JsonPath();

    /// <summary>
    /// <c>Send.NotFoundAsync()</c>, <c>Send.UnauthorizedAsync()</c> and friends start the response with no body,
    /// which no later middleware can fill; write the envelope before they do. Responses with a body of their own
    /// (stored DTO or a content type already chosen) are left alone.
    /// </summary>
    private static Task WriteBodilessErrorAsync(HttpContext context, object? _)
    {
        var response = context.Response;
        if (response.StatusCode < StatusCodes.Status400BadRequest
            || response.HasStarted
            || !string.IsNullOrEmpty(response.ContentType)
            || context.Items.ContainsKey(StoredResponseItem))
        {
            return Task.CompletedTask;
        }

        return EnvelopeWriter.WriteErrorAsync(
            context,
            response.StatusCode,
            ErrorCodes.ForStatus(response.StatusCode),
            ErrorCodes.MessageForStatus(response.StatusCode));
    }

    /// <summary><c>Address.PostCode</c> → <c>address.postCode</c>, <c>Items[0].Name</c> → <c>items[0].name</c>.</summary>
    internal static string FieldName(string? propertyName)
    {
        if (string.IsNullOrEmpty(propertyName))
        {
            return "request";
        }

        var segments = propertyName.Split('.');
        for (var i = 0; i < segments.Length; i++)
        {
            segments[i] = JsonNamingPolicy.CamelCase.ConvertName(segments[i]);
        }

        return string.Join('.', segments);
    }
}
