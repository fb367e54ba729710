namespace CareForAll.Identity.Features.Keys.Jwks;

/// <summary>An RFC 7517 key set. Served as is, not in the API envelope: JWT libraries read this exact shape.</summary>
internal sealed record Response(IReadOnlyList<PublicJwk> Keys);

/// <summary>The public half of an EC signing key (RFC 7518 section 6.2.1).</summary>
internal sealed record PublicJwk(string Kty, string Use, string Alg, string Kid, string Crv, string X, string Y);
