using System.Globalization;
using CareForAll.Identity.Users;
using CareForAll.Identity.Verification;
using CareForAll.ServiceDefaults.Api;
using Microsoft.Extensions.Options;

namespace CareForAll.Identity.Features.Auth.ResendVerification;

/// <summary>
/// The signed-in user asks for a new verification link (the first was lost, or expired). Earlier links keep
/// working until they expire. Answers 202: the mail leaves through the notifications service, later.
/// </summary>
internal sealed class Endpoint(
    NpgsqlDataSource database,
    EmailVerifications verifications,
    IOptions<EmailVerificationOptions> options,
    TimeProvider clock,
    ILogger<Endpoint> logger) : EndpointWithoutRequest<Response>
{
    public override void Configure()
    {
        Post("/api/auth/verify-email/resend");
        MaxRequestBodySize(IdentityLimits.MaxRequestBodyBytes);

        // There is no body: a bare POST (no Content-Type) must reach the handler, not be refused with 415.
        Description(b => b.ClearDefaultAccepts());
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var userId = Caller.Id(User);
        var now = clock.GetUtcNow();

        await using var connection = await database.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);

        var account = await Data.LockAsync(connection, transaction, userId, ct)
            ?? throw new ApiException(StatusCodes.Status404NotFound, "USER_NOT_FOUND", "The account no longer exists.");
        if (account.EmailVerified)
        {
            throw new ApiException(StatusCodes.Status409Conflict, "EMAIL_ALREADY_VERIFIED", "This email address is already verified.");
        }

        var recent = await Data.RecentRequestsAsync(connection, transaction, userId, now - options.Value.Window, ct);
        if (VerificationRules.RetryAfter(recent, now, options.Value) is { } wait)
        {
            logger.VerificationResendLimited(userId);
            throw TooMany(wait);
        }

        var expiresAt = await verifications.RequestAsync(connection, transaction, Mapper.ToRecipient(account), ct);
        await transaction.CommitAsync(ct);

        logger.VerificationResent(userId);
        await Send.ResponseAsync(Mapper.ToResponse(account, expiresAt), StatusCodes.Status202Accepted, ct);
    }

    private ApiException TooMany(TimeSpan wait)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));

        // The error envelope clears the response before writing it; a header set when the response starts survives.
        HttpContext.Response.OnStarting(() =>
        {
            HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            return Task.CompletedTask;
        });
        return new ApiException(
            StatusCodes.Status429TooManyRequests,
            ErrorCodes.RateLimited,
            "Too many verification emails were asked for; try again later.",
            new { retryAfterSeconds = seconds });
    }
}
