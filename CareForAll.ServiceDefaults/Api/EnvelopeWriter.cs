using System.Text.Json;
using CareForAll.ServiceDefaults;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace CareForAll.ServiceDefaults.Api;

/// <summary>
/// Builds and writes envelopes. FastEndpoints responses are wrapped automatically; other code (the gateway, its
/// rate limiter, middleware) calls <see cref="WriteErrorAsync"/> to answer in the same shape.
/// </summary>
public static class EnvelopeWriter
{
    private static readonly JsonSerializerOptions FallbackOptions = new(JsonSerializerDefaults.Web);

    /// <summary>Writes an error envelope with the given status. Does nothing once the response has started.</summary>
    /// <param name="context">The current request.</param>
    /// <param name="statusCode">The HTTP status code.</param>
    /// <param name="code">The machine-readable error code.</param>
    /// <param name="message">The human-readable message.</param>
    /// <param name="details">Optional detail for <c>error.details</c>.</param>
    public static Task WriteErrorAsync(HttpContext context, int statusCode, string code, string message, object? details = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Response.HasStarted)
        {
            return Task.CompletedTask;
        }

        context.Response.StatusCode = statusCode;
        return WriteAsync(context, Error(context, code, message, details));
    }

    /// <summary>Writes a success envelope around <paramref name="data"/>.</summary>
    /// <param name="context">The current request.</param>
    /// <param name="data">The response data (a <see cref="PagedResult{T}"/> becomes a list envelope).</param>
    /// <param name="statusCode">The HTTP status code.</param>
    public static Task WriteSuccessAsync(HttpContext context, object? data, int statusCode = StatusCodes.Status200OK)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.StatusCode = statusCode;
        return WriteAsync(context, Wrap(context, statusCode, data));
    }

    /// <summary>The <c>meta</c> block for the current request.</summary>
    /// <param name="context">The current request.</param>
    public static EnvelopeMeta CreateMeta(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var time = context.RequestServices?.GetService<TimeProvider>() ?? TimeProvider.System;
        return new EnvelopeMeta(time.GetUtcNow(), RequestId.Of(context));
    }

    /// <summary>An error envelope for the current request.</summary>
    /// <param name="context">The current request.</param>
    /// <param name="code">The machine-readable error code.</param>
    /// <param name="message">The human-readable message.</param>
    /// <param name="details">Optional detail for <c>error.details</c>.</param>
    public static ErrorEnvelope Error(HttpContext context, string code, string message, object? details = null) =>
        new(new ApiError(code, message, details), CreateMeta(context));

    /// <summary>
    /// The envelope for a body about to be sent with <paramref name="statusCode"/>: envelopes pass through,
    /// <see cref="PagedResult{T}"/> becomes a list, an error status gets an error envelope carrying the body as
    /// details, anything else becomes <c>data</c>.
    /// </summary>
    /// <param name="context">The current request.</param>
    /// <param name="statusCode">The status the response is sent with.</param>
    /// <param name="body">What the endpoint returned.</param>
    public static IApiEnvelope Wrap(HttpContext context, int statusCode, object? body) => body switch
    {
        IApiEnvelope envelope => envelope,
        _ when statusCode >= StatusCodes.Status400BadRequest =>
            Error(context, ErrorCodes.ForStatus(statusCode), ErrorCodes.MessageForStatus(statusCode), body),
        IPagedResult page => new PagedEnvelope(
            page.Items,
            new Pagination(page.Page, page.Limit, page.Total, page.TotalPages),
            CreateMeta(context)),
        _ => new SuccessEnvelope(body, CreateMeta(context)),
    };

    /// <summary>Serializes an envelope as the response body with the application's JSON options.</summary>
    /// <param name="context">The current request.</param>
    /// <param name="envelope">The envelope to write.</param>
    /// <param name="cancellationToken">Cancels the write; defaults to the request's abort token.</param>
    public static Task WriteAsync(HttpContext context, IApiEnvelope envelope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(envelope);
        return context.Response.WriteAsJsonAsync(
            envelope,
            envelope.GetType(),
            SerializerOptions(context),
            "application/json; charset=utf-8",
            cancellationToken == default ? context.RequestAborted : cancellationToken);
    }

    // ASP.NET's JSON options write '<', '>', '&' and quotes raw, so user text (a campaign title, a donor's message)
    // would reach clients as markup. This encoder escapes exactly those and leaves every other script (Bangla) readable.
    private static readonly System.Text.Encodings.Web.JavaScriptEncoder MarkupEscaping =
        System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<JsonSerializerOptions, JsonSerializerOptions> Escaping = new();

    // The same options FastEndpoints serializes with (it copies them from JsonOptions), so every body agrees; only the
    // encoder differs. Changed here rather than in JsonOptions, which FastEndpoints also reads for its validators.
    private static JsonSerializerOptions SerializerOptions(HttpContext context) =>
        Escaping.GetValue(
            context.RequestServices?.GetService<IOptions<JsonOptions>>()?.Value.SerializerOptions ?? FallbackOptions,
            static options => new JsonSerializerOptions(options) { Encoder = MarkupEscaping });
}
