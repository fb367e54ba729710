namespace CareForAll.Identity.Tokens;

/// <summary>What to do with a presented refresh token.</summary>
internal enum RefreshDecision
{
    /// <summary>Valid: issue a new pair in the same family and mark this one replaced.</summary>
    Rotate,

    /// <summary>Unknown or revoked.</summary>
    Invalid,

    /// <summary>Past its expiry.</summary>
    Expired,

    /// <summary>Already rotated once: someone holds a copy, so the whole family is revoked.</summary>
    Reused,

    /// <summary>The user is suspended.</summary>
    Suspended,
}
