namespace CareForAll.Identity;

/// <summary>Identity's log messages. None of them carries a password or a token.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "User {UserId} registered")]
    public static partial void UserRegistered(this ILogger logger, Guid userId);

    [LoggerMessage(2, LogLevel.Information, "Login refused: {Reason}")]
    public static partial void LoginRefused(this ILogger logger, string reason);

    [LoggerMessage(3, LogLevel.Warning, "Refresh token reuse detected for user {UserId}: family {FamilyId} revoked")]
    public static partial void RefreshTokenReused(this ILogger logger, Guid userId, Guid familyId);

    [LoggerMessage(4, LogLevel.Information, "User {UserId} logged out")]
    public static partial void LoggedOut(this ILogger logger, Guid userId);

    [LoggerMessage(5, LogLevel.Information, "User {UserId} suspended by {ActorId}")]
    public static partial void UserSuspended(this ILogger logger, Guid userId, Guid? actorId);

    [LoggerMessage(6, LogLevel.Information, "User {UserId} reactivated by {ActorId}")]
    public static partial void UserReactivated(this ILogger logger, Guid userId, Guid? actorId);

    [LoggerMessage(7, LogLevel.Information, "First admin {UserId} created")]
    public static partial void FirstAdminCreated(this ILogger logger, Guid userId);

    [LoggerMessage(8, LogLevel.Information, "First admin already present")]
    public static partial void FirstAdminPresent(this ILogger logger);

    [LoggerMessage(9, LogLevel.Warning, "The configured first admin email belongs to an existing non-admin user; it was not promoted")]
    public static partial void FirstAdminEmailTakenByUser(this ILogger logger);

    [LoggerMessage(10, LogLevel.Information, "No first admin configured (Identity:FirstAdmin:Email is empty)")]
    public static partial void FirstAdminNotConfigured(this ILogger logger);

    [LoggerMessage(11, LogLevel.Information, "Signing access tokens with ES256 key {KeyId}")]
    public static partial void SigningKeyLoaded(this ILogger logger, string keyId);

    [LoggerMessage(12, LogLevel.Information, "Removed {Count} expired refresh tokens")]
    public static partial void ExpiredRefreshTokensRemoved(this ILogger logger, int count);

    [LoggerMessage(13, LogLevel.Information, "User {UserId} verified their email address")]
    public static partial void EmailVerified(this ILogger logger, Guid userId);

    [LoggerMessage(14, LogLevel.Information, "Email verification refused: unknown, spent or expired token")]
    public static partial void EmailVerificationRefused(this ILogger logger);

    [LoggerMessage(15, LogLevel.Information, "User {UserId} asked for a new verification email")]
    public static partial void VerificationResent(this ILogger logger, Guid userId);

    [LoggerMessage(16, LogLevel.Information, "User {UserId} asked for too many verification emails; refused")]
    public static partial void VerificationResendLimited(this ILogger logger, Guid userId);

    [LoggerMessage(17, LogLevel.Information, "Removed {Count} expired email verifications")]
    public static partial void ExpiredVerificationsRemoved(this ILogger logger, int count);
}
