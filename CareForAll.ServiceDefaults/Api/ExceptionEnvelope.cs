using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CareForAll.ServiceDefaults.Api;

/// <summary>Maps an exception to its error envelope: <see cref="ApiException"/> as given, Kestrel's refusals by their
/// status, anything else a 500 whose details go to the log only.</summary>
internal static partial class ExceptionEnvelope
{
    public static Task WriteAsync(HttpContext context, Exception exception, ILogger logger)
    {
        int status;
        string code;
        string message;
        object? details = null;
        switch (exception)
        {
            case ApiException api:
                (status, code, message, details) = (api.StatusCode, api.Code, api.Message, api.Details);
                if (status >= StatusCodes.Status500InternalServerError)
                {
                    LogApiServerError(logger, exception, status, code);
                }

                break;
            case BadHttpRequestException bad:
                // Kestrel's own refusals: body over the size limit (413), unreadable request (400), slow client (408).
                status = bad.StatusCode;
                code = ErrorCodes.ForStatus(status);
                message = ErrorCodes.MessageForStatus(status);
                LogBadRequest(logger, status, bad.Message);
                break;
            default:
                status = StatusCodes.Status500InternalServerError;
                code = ErrorCodes.InternalError;
                message = ErrorCodes.MessageForStatus(status);
                LogUnhandled(logger, exception, context.Request.Method, context.Request.Path);
                break;
        }

        // Drops anything half-prepared (headers, content type) by the failed handler; OnStarting callbacks survive.
        context.Response.Clear();
        return EnvelopeWriter.WriteErrorAsync(context, status, code, message, details);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception while handling {Method} {Path}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string method, PathString path);

    [LoggerMessage(Level = LogLevel.Error, Message = "Request failed with {StatusCode} {Code}")]
    private static partial void LogApiServerError(ILogger logger, Exception exception, int statusCode, string code);

    [LoggerMessage(Level = LogLevel.Information, Message = "Bad request refused with {StatusCode}: {Reason}")]
    private static partial void LogBadRequest(ILogger logger, int statusCode, string reason);
}
