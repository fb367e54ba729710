namespace CareForAll.BuildingBlocks.Idempotency;

/// <summary>A completed request kept under its Idempotency-Key.</summary>
/// <param name="Fingerprint">The request's <see cref="IdempotencyFingerprint"/>.</param>
/// <param name="StatusCode">The status sent.</param>
/// <param name="ContentType">The content type sent, if any.</param>
/// <param name="Body">The body bytes sent.</param>
public sealed record StoredResponse(string Fingerprint, int StatusCode, string? ContentType, byte[] Body);
