using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Logging;

namespace CareForAll.ServiceDefaults.Api;

/// <summary>
/// In Development the framework adds its exception page inside our outer middleware (so in front of
/// authentication); this filter makes that page answer with the envelope too, and never with a stack trace.
/// </summary>
internal sealed class DeveloperPageEnvelopeFilter(ILogger<DeveloperPageEnvelopeFilter> logger) : IDeveloperPageExceptionFilter
{
    public Task HandleExceptionAsync(ErrorContext errorContext, Func<ErrorContext, Task> next) =>
        ExceptionEnvelope.WriteAsync(errorContext.HttpContext, errorContext.Exception, logger);
}
