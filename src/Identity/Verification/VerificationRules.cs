namespace CareForAll.Identity.Verification;

/// <summary>A stored verification as the rules see it.</summary>
internal sealed record VerificationState(Guid Id, Guid UserId, DateTime ExpiresAt, DateTime? UsedAt);

/// <summary>The verification rules, free of storage so they can be read and tested on their own.</summary>
internal static class VerificationRules
{
    /// <summary>
    /// A token verifies once, before it expires. Unknown, spent and expired tokens get the same answer, so a caller
    /// learns nothing about which tokens ever existed.
    /// </summary>
    public static bool IsUsable(VerificationState? verification, DateTimeOffset now) =>
        verification is { UsedAt: null } && ToUtc(verification.ExpiresAt) > now;

    /// <summary>
    /// How long until another verification mail may be asked for, or null when one may be asked for now.
    /// <paramref name="recent"/> are the creation times of the user's verifications within the window.
    /// </summary>
    public static TimeSpan? RetryAfter(IReadOnlyList<DateTime> recent, DateTimeOffset now, EmailVerificationOptions options)
    {
        if (recent.Count < options.MaxMailsPerWindow)
        {
            return null;
        }

        // A slot frees when enough of the oldest requests have left the window to bring the count below the limit.
        var ordered = recent.Select(ToUtc).Order().ToList();
        var freedAt = ordered[recent.Count - options.MaxMailsPerWindow] + options.Window;
        return freedAt > now ? freedAt - now : null;
    }

    // Npgsql reads timestamptz as a UTC DateTime.
    private static DateTimeOffset ToUtc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
