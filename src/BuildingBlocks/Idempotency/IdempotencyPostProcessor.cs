using FastEndpoints;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CareForAll.BuildingBlocks.Idempotency;

/// <summary>
/// Second half of Idempotency-Key handling: commits the endpoint's effect together with the stored response,
/// then sends the response. On an exception or a 5xx everything is rolled back and the key is free again, so
/// a retry runs the request afresh. The response only leaves once the commit succeeded.
/// </summary>
public sealed class IdempotencyPostProcessor : IGlobalPostProcessor
{
    /// <inheritdoc />
    public async Task PostProcessAsync(IPostProcessorContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        var http = context.HttpContext;
        if (IdempotentRequest.Current(http) is not { } request)
        {
            return;
        }

        http.Items.Remove(IdempotentRequest.HttpContextItemKey);
        var response = http.Response;
        var body = request.StopCapturing(response);
        try
        {
            var keep = !context.HasExceptionOccurred
                && response.StatusCode < StatusCodes.Status500InternalServerError
                && (!request.TransactionTaken || request.EndpointCommitted);
            if (keep)
            {
                var options = http.RequestServices.GetRequiredService<IOptions<IdempotencyKeyOptions>>().Value;
                // Not the request's token: a client that hung up still gets its effect kept, and its replay later.
                await request.CommitAsync(
                    new StoredResponse(request.Fingerprint, response.StatusCode, response.ContentType, body),
                    options.Retention,
                    CancellationToken.None);
            }
            else
            {
                await request.RollbackAsync();
            }
        }
        finally
        {
            await request.DisposeAsync();
        }

        if (body.Length > 0)
        {
            await response.Body.WriteAsync(body, ct);
        }
    }
}
