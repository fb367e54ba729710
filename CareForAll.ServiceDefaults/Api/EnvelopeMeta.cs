namespace CareForAll.ServiceDefaults.Api;

/// <summary>The <c>meta</c> block of every envelope.</summary>
/// <param name="Timestamp">When the response was made (UTC).</param>
/// <param name="RequestId">The request's <c>X-Request-Id</c>.</param>
public sealed record EnvelopeMeta(DateTimeOffset Timestamp, string RequestId);
