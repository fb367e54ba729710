namespace CareForAll.ServiceDefaults.Api;

/// <summary>The <c>error</c> block of an error envelope.</summary>
/// <param name="Code">A stable, upper-case machine code.</param>
/// <param name="Message">A human-readable message.</param>
/// <param name="Details">Optional detail; for validation errors a map of field name to messages.</param>
public sealed record ApiError(string Code, string Message, object? Details);
