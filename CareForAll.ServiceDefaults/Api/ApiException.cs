namespace CareForAll.ServiceDefaults.Api;

/// <summary>
/// An error the caller should see as it is: thrown anywhere in a request, it becomes the error envelope with this
/// status, code and message (unlike any other exception, which becomes a 500 without details).
/// </summary>
/// <param name="statusCode">The HTTP status code of the response (4xx or 5xx).</param>
/// <param name="code">A stable, upper-case machine code such as <c>EMAIL_TAKEN</c>.</param>
/// <param name="message">A human-readable message, safe to show to the caller.</param>
/// <param name="details">Optional extra detail, serialized as JSON into <c>error.details</c>.</param>
public sealed class ApiException(int statusCode, string code, string message, object? details = null) : Exception(message)
{
    /// <summary>The HTTP status code of the response.</summary>
    public int StatusCode { get; } = statusCode;

    /// <summary>The machine-readable error code.</summary>
    public string Code { get; } = code;

    /// <summary>Optional extra detail for <c>error.details</c>.</summary>
    public object? Details { get; } = details;
}
