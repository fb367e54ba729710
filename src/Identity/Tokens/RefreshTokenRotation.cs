namespace CareForAll.Identity.Tokens;

/// <summary>The rotation rules, free of storage so they can be read and tested on their own.</summary>
internal static class RefreshTokenRotation
{
    public static RefreshDecision Decide(RefreshTokenState? token, DateTimeOffset now)
    {
        if (token is null)
        {
            return RefreshDecision.Invalid;
        }

        // Reuse is checked first: a rotated token coming back is a theft signal even if the family was
        // later revoked or the token has since expired, and the answer (revoke the family) is always safe.
        if (token.ReplacedBy is not null)
        {
            return RefreshDecision.Reused;
        }

        if (token.RevokedAt is not null)
        {
            return RefreshDecision.Invalid;
        }

        if (new DateTimeOffset(DateTime.SpecifyKind(token.ExpiresAt, DateTimeKind.Utc)) <= now)
        {
            return RefreshDecision.Expired;
        }

        return token.IsActive ? RefreshDecision.Rotate : RefreshDecision.Suspended;
    }
}
