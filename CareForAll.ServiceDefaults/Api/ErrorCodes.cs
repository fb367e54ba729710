namespace CareForAll.ServiceDefaults.Api;

/// <summary>The error codes the platform itself produces, and the default code and message for a status.</summary>
public static class ErrorCodes
{
    /// <summary>Request validation failed; <c>details</c> maps each field to its messages.</summary>
    public const string ValidationError = "VALIDATION_ERROR";

    /// <summary>An unexpected failure; never carries details.</summary>
    public const string InternalError = "INTERNAL_ERROR";

    /// <summary>Missing, invalid, expired or refused token.</summary>
    public const string Unauthorized = "UNAUTHORIZED";

    /// <summary>Authenticated but not allowed.</summary>
    public const string Forbidden = "FORBIDDEN";

    /// <summary>Nothing at that route, or the resource does not exist.</summary>
    public const string NotFound = "NOT_FOUND";

    /// <summary>The route exists but not for that HTTP method.</summary>
    public const string MethodNotAllowed = "METHOD_NOT_ALLOWED";

    /// <summary>The request body is larger than the limit.</summary>
    public const string PayloadTooLarge = "PAYLOAD_TOO_LARGE";

    /// <summary>The request's content type is not accepted.</summary>
    public const string UnsupportedMediaType = "UNSUPPORTED_MEDIA_TYPE";

    /// <summary>The request is malformed (e.g. unreadable JSON).</summary>
    public const string BadRequest = "BAD_REQUEST";

    /// <summary>The request conflicts with the current state.</summary>
    public const string Conflict = "CONFLICT";

    /// <summary>Too many requests; see <c>Retry-After</c>.</summary>
    public const string RateLimited = "RATE_LIMITED";

    /// <summary>The default code for an HTTP status.</summary>
    /// <param name="statusCode">An HTTP status code.</param>
    public static string ForStatus(int statusCode) => statusCode switch
    {
        400 => BadRequest,
        401 => Unauthorized,
        403 => Forbidden,
        404 => NotFound,
        405 => MethodNotAllowed,
        406 => "NOT_ACCEPTABLE",
        408 => "REQUEST_TIMEOUT",
        409 => Conflict,
        410 => "GONE",
        413 => PayloadTooLarge,
        415 => UnsupportedMediaType,
        422 => "UNPROCESSABLE_ENTITY",
        429 => RateLimited,
        500 => InternalError,
        501 => "NOT_IMPLEMENTED",
        502 => "BAD_GATEWAY",
        503 => "SERVICE_UNAVAILABLE",
        504 => "GATEWAY_TIMEOUT",
        >= 500 => InternalError,
        _ => "ERROR",
    };

    /// <summary>The default message for an HTTP status.</summary>
    /// <param name="statusCode">An HTTP status code.</param>
    public static string MessageForStatus(int statusCode) => statusCode switch
    {
        400 => "The request is malformed.",
        401 => "Authentication is required.",
        403 => "You are not allowed to do this.",
        404 => "The resource was not found.",
        405 => "This method is not allowed here.",
        406 => "No acceptable representation is available.",
        408 => "The request took too long.",
        409 => "The request conflicts with the current state.",
        410 => "The resource is gone.",
        413 => "The request body is too large.",
        415 => "The content type is not supported.",
        422 => "The request cannot be processed.",
        429 => "Too many requests; try again later.",
        502 => "An upstream service answered badly.",
        503 => "The service is unavailable; try again later.",
        504 => "An upstream service did not answer in time.",
        >= 500 => "An unexpected error occurred.",
        _ => "The request failed.",
    };
}
