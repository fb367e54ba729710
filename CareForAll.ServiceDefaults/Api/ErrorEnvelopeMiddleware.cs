using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CareForAll.ServiceDefaults.Api;

/// <summary>
/// Turns exceptions and bodiless error statuses (unknown route, wrong method, auth challenges) into the error
/// envelope. Unexpected exceptions become a plain 500: the details go to the log, never to the caller.
/// </summary>
internal sealed class ErrorEnvelopeMiddleware(RequestDelegate next, ILogger<ErrorEnvelopeMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The caller went away; there is nobody to answer.
            return;
        }
        catch (Exception exception) when (!context.Response.HasStarted)
        {
            await ExceptionEnvelope.WriteAsync(context, exception, logger);
            return;
        }

        var response = context.Response;
        if (response.StatusCode >= StatusCodes.Status400BadRequest
            && !response.HasStarted
            && response.ContentLength is null
            && string.IsNullOrEmpty(response.ContentType))
        {
            await EnvelopeWriter.WriteErrorAsync(
                context,
                response.StatusCode,
                ErrorCodes.ForStatus(response.StatusCode),
                ErrorCodes.MessageForStatus(response.StatusCode));
        }
    }
}
