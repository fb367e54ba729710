using System.Text;
using Npgsql;

namespace CareForAll.Query.Tests;

/// <summary>A fresh, migrated query database per test, and the queries the tests assert with.</summary>
internal sealed class QueryDatabase(NpgsqlDataSource dataSource) : IAsyncDisposable
{
    public NpgsqlDataSource DataSource { get; } = dataSource;

    public static async Task<QueryDatabase> CreateAsync(PostgresServer server) =>
        new(await MigratedDatabases.CreateAsync(server, typeof(QueryMetrics).Assembly));

    public async Task<T> ScalarAsync<T>(string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = DataSource.CreateCommand(sql);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return (T)(await command.ExecuteScalarAsync())!;
    }

    public async Task ExecuteAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = DataSource.CreateCommand(sql);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await command.ExecuteNonQueryAsync();
    }

    /// <summary>A campaign's figures, or null when it has no totals row.</summary>
    public async Task<CampaignFigures?> CampaignAsync(Guid campaignId)
    {
        await using var command = DataSource.CreateCommand("""
            SELECT raised_amount, donor_count, donation_count, title, status, campaign_version, version, progress_percentage
            FROM query.campaign_totals WHERE campaign_id = @id
            """);
        command.Parameters.AddWithValue("id", campaignId);
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync()
            ? new CampaignFigures(
                reader.GetDecimal(0), reader.GetInt32(1), reader.GetInt32(2), reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4), reader.GetInt64(5), reader.GetInt64(6), reader.GetDecimal(7))
            : null;
    }

    public async Task<PlatformFigures> PlatformAsync()
    {
        await using var command = DataSource.CreateCommand(
            "SELECT total_raised, total_donations, total_donors FROM query.platform_statistics WHERE id = 1");
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return new PlatformFigures(reader.GetDecimal(0), reader.GetInt32(1), reader.GetInt32(2));
    }

    public async Task<UserFigures?> UserAsync(Guid userId)
    {
        await using var command = DataSource.CreateCommand(
            "SELECT total_donated, donation_count, campaigns_supported FROM query.user_statistics WHERE user_id = @id");
        command.Parameters.AddWithValue("id", userId);
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync() ? new UserFigures(reader.GetDecimal(0), reader.GetInt32(1), reader.GetInt32(2)) : null;
    }

    public Task<long> UnappliedAsync() =>
        ScalarAsync<long>("SELECT count(*) FROM query.pledge_ledger WHERE applied_at IS NULL");

    /// <summary>
    /// Every figure a reader can see, as text, one line per row in key order (times left out where an edge case may
    /// legitimately put them elsewhere): two databases that agree here agree for every reader.
    /// </summary>
    public async Task<string> DumpAsync()
    {
        var dump = new StringBuilder();
        await AppendAsync(dump, """
            SELECT campaign_id, title, status, raised_amount, donor_count, donation_count, progress_percentage
            FROM query.campaign_totals ORDER BY campaign_id
            """);
        await AppendAsync(dump, "SELECT total_raised, total_donations, total_donors FROM query.platform_statistics");
        await AppendAsync(dump, """
            SELECT user_id, total_donated, donation_count, campaigns_supported FROM query.user_statistics
            WHERE donation_count > 0 OR total_donated > 0 ORDER BY user_id
            """);
        await AppendAsync(dump, """
            SELECT pledge_id, campaign_id, campaign_title, donor_id, donor_name, donor_email, amount, is_anonymous, status,
                   CASE WHEN status = 'completed' THEN donated_at END
            FROM query.donation_history ORDER BY pledge_id
            """);
        await AppendAsync(dump, "SELECT campaign_id, donor_key, donations FROM query.campaign_donors WHERE donations > 0 ORDER BY 1, 2");
        await AppendAsync(dump, "SELECT donor_key, donations FROM query.platform_donors WHERE donations > 0 ORDER BY 1");
        await AppendAsync(dump, "SELECT sum(donations), sum(amount) FROM query.donation_hours");
        return dump.ToString();
    }

    private async Task AppendAsync(StringBuilder dump, string sql)
    {
        await using var command = DataSource.CreateCommand(sql);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            for (var i = 0; i < reader.FieldCount; i++)
            {
                dump.Append(reader.IsDBNull(i) ? "null" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)).Append('|');
            }

            dump.AppendLine();
        }

        dump.AppendLine("--");
    }

    public ValueTask DisposeAsync() => DataSource.DisposeAsync();
}

internal sealed record CampaignFigures(
    decimal Raised, int Donors, int Donations, string? Title, string? Status, long CampaignVersion, long Version, decimal Progress);

internal sealed record PlatformFigures(decimal Raised, int Donations, int Donors);

internal sealed record UserFigures(decimal Total, int Donations, int CampaignsSupported);
