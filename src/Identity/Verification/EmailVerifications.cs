using CareForAll.BuildingBlocks.Messaging;
using Microsoft.Extensions.Options;

namespace CareForAll.Identity.Verification;

/// <summary>Who a verification mail goes to.</summary>
internal sealed record VerificationRecipient(Guid UserId, string Email, string? FirstName);

/// <summary>
/// Starts a verification: stores the token's hash and writes <c>user.verification_requested</c> (with the token,
/// for the mail) in the caller's transaction, so the mail is asked for if and only if the verification exists.
/// Registration and resend both come through here.
/// </summary>
internal sealed class EmailVerifications(IOptions<EmailVerificationOptions> options, TimeProvider clock)
{
    public const string RequestedEventType = "user.verification_requested";

    // A pending verification is part of the user, so its event takes the next version like every other user event
    // (consumers that order a user's events by version never see two with the same number).
    private const string Insert = """
        INSERT INTO auth.email_verifications (id, user_id, token_hash, expires_at, created_at)
        VALUES (@Id, @UserId, @TokenHash, @ExpiresAt, @CreatedAt);

        UPDATE auth.users SET version = version + 1 WHERE id = @UserId RETURNING version;
        """;

    /// <returns>When the new link stops working.</returns>
    public async Task<DateTimeOffset> RequestAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, VerificationRecipient recipient, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var token = VerificationToken.Generate();
        var expiresAt = now + options.Value.Lifetime;

        var version = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            Insert,
            new
            {
                Id = Guid.CreateVersion7(now),
                recipient.UserId,
                TokenHash = VerificationToken.Hash(token),
                ExpiresAt = expiresAt.UtcDateTime,
                CreatedAt = now.UtcDateTime,
            },
            transaction,
            cancellationToken: ct));

        await Outbox.AddAsync(
            connection,
            transaction,
            RequestedEventType,
            recipient.UserId,
            version,
            new VerificationRequested(recipient.UserId, recipient.Email, recipient.FirstName, token, expiresAt, now),
            ct);
        return expiresAt;
    }
}
