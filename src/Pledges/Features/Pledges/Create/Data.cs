using CareForAll.BuildingBlocks.Messaging;
using CareForAll.Pledges.Domain;

namespace CareForAll.Pledges.Features.Pledges.Create;

internal sealed record NewPledge(
    Guid Id,
    Guid CampaignId,
    Guid? UserId,
    string DonorEmail,
    string? DonorName,
    decimal Amount,
    string Currency,
    bool IsAnonymous,
    string? Message,
    string? Metadata,
    DateTimeOffset CreatedAt);

internal static class Data
{
    public const long FirstVersion = 1;

    private const string InsertPledge = """
        INSERT INTO pledges.pledges
            (id, campaign_id, user_id, donor_email, donor_name, amount, currency, status, is_anonymous, message,
             metadata, version, created_at, updated_at)
        VALUES
            (@Id, @CampaignId, @UserId, @DonorEmail, @DonorName, @Amount, @Currency, @Status, @IsAnonymous, @Message,
             CAST(@Metadata AS jsonb), @Version, @CreatedAt, @CreatedAt)
        """;

    private const string FindCampaignStatus = """
        SELECT status FROM pledges.campaigns WHERE id = @Id
        """;

    // An answer without a version only fills a gap (version 0): it never overrides what events said. One with a
    // version replaces anything not newer.
    private const string RememberCampaign = """
        INSERT INTO pledges.campaigns AS c (id, status, version, updated_at)
        VALUES (@Id, @Status, @Version, @Now)
        ON CONFLICT (id) DO UPDATE SET status = EXCLUDED.status, version = EXCLUDED.version, updated_at = EXCLUDED.updated_at
        WHERE c.version <= EXCLUDED.version
        """;

    /// <summary>Inserts the pledge and its <c>pledge.created</c> event in the caller's transaction.</summary>
    public static async Task RecordAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, NewPledge pledge, CancellationToken ct)
    {
        await connection.ExecuteAsync(new CommandDefinition(
            InsertPledge,
            new
            {
                pledge.Id,
                pledge.CampaignId,
                pledge.UserId,
                pledge.DonorEmail,
                pledge.DonorName,
                pledge.Amount,
                pledge.Currency,
                Status = PledgeStatus.Pending,
                pledge.IsAnonymous,
                pledge.Message,
                pledge.Metadata,
                Version = FirstVersion,
                CreatedAt = pledge.CreatedAt.UtcDateTime,
            },
            transaction,
            cancellationToken: ct));
        await Outbox.AddAsync(connection, transaction, PledgeEvent.Created, pledge.Id, FirstVersion, Mapper.ToEvent(pledge), ct);
    }

    /// <summary>The campaign's status as pledges last heard it, if ever.</summary>
    public static Task<string?> FindCampaignStatusAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid campaignId, CancellationToken ct) =>
        connection.QuerySingleOrDefaultAsync<string?>(
            new CommandDefinition(FindCampaignStatus, new { Id = campaignId }, transaction, cancellationToken: ct));

    /// <summary>Keeps campaigns' answer, in its own short transaction so it stays even when the pledge is refused.</summary>
    public static async Task RememberCampaignAsync(NpgsqlDataSource database, Guid campaignId, string status, long version, DateTimeOffset now, CancellationToken ct)
    {
        await using var connection = await database.OpenConnectionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            RememberCampaign,
            new { Id = campaignId, Status = status, Version = version, Now = now.UtcDateTime },
            cancellationToken: ct));
    }
}
