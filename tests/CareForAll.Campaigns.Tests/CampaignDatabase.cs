using Npgsql;

namespace CareForAll.Campaigns.Tests;

/// <summary>A fresh, migrated campaigns database per test, and the few queries the tests assert with.</summary>
internal sealed class CampaignDatabase(NpgsqlDataSource dataSource) : IAsyncDisposable
{
    public NpgsqlDataSource DataSource { get; } = dataSource;

    public static async Task<CampaignDatabase> CreateAsync(PostgresServer server) =>
        new(await MigratedDatabases.CreateAsync(server, typeof(CampaignsMetrics).Assembly));

    /// <summary>Inserts a campaign directly, in any state, for the code under test to find.</summary>
    public async Task<Guid> InsertCampaignAsync(
        string status = "active",
        decimal goal = 1000m,
        decimal current = 0m,
        DateTimeOffset? start = null,
        DateTimeOffset? end = null,
        string title = "Heart surgery for Rahim",
        string description = "Rahim needs an operation at the national heart foundation in Dhaka.",
        string type = "medical",
        Guid? organizerId = null,
        DateTimeOffset? createdAt = null)
    {
        var id = Guid.CreateVersion7();
        var startDate = start ?? DateTimeOffset.UtcNow.AddDays(-10);
        await using var command = DataSource.CreateCommand("""
            INSERT INTO campaigns.campaigns
                (id, title, description, campaign_type, goal_amount, current_amount, start_date, end_date, status,
                 organizer_id, closed_at, created_at, updated_at)
            VALUES (@id, @title, @description, @type, @goal, @current, @start, @end, @status, @organizer,
                    CASE WHEN @status IN ('completed', 'expired', 'cancelled') THEN now() END, @created, @created)
            """);
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("title", title);
        command.Parameters.AddWithValue("description", description);
        command.Parameters.AddWithValue("type", type);
        command.Parameters.AddWithValue("goal", goal);
        command.Parameters.AddWithValue("current", current);
        command.Parameters.AddWithValue("start", startDate);
        command.Parameters.AddWithValue("end", end ?? startDate.AddDays(40));
        command.Parameters.AddWithValue("status", status);
        command.Parameters.AddWithValue("organizer", organizerId ?? Guid.NewGuid());
        command.Parameters.AddWithValue("created", createdAt ?? DateTimeOffset.UtcNow);
        await command.ExecuteNonQueryAsync();
        return id;
    }

    public async Task<T> ScalarAsync<T>(string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = DataSource.CreateCommand(sql);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return (T)(await command.ExecuteScalarAsync())!;
    }

    public Task<decimal> CurrentAmountAsync(Guid campaignId) =>
        ScalarAsync<decimal>("SELECT current_amount FROM campaigns.campaigns WHERE id = @id", ("id", campaignId));

    public Task<string> StatusAsync(Guid campaignId) =>
        ScalarAsync<string>("SELECT status FROM campaigns.campaigns WHERE id = @id", ("id", campaignId));

    public Task<long> EventCountAsync(string eventType, Guid campaignId) =>
        ScalarAsync<long>(
            "SELECT count(*) FROM outbox_messages WHERE event_type = @type AND aggregate_id = @id",
            ("type", eventType), ("id", campaignId));

    /// <summary>The data of every event of <paramref name="eventType"/> about the campaign, oldest first.</summary>
    public async Task<IReadOnlyList<System.Text.Json.JsonElement>> EventsAsync(string eventType, Guid campaignId)
    {
        await using var command = DataSource.CreateCommand(
            "SELECT data::text FROM outbox_messages WHERE event_type = @type AND aggregate_id = @id ORDER BY id");
        command.Parameters.AddWithValue("type", eventType);
        command.Parameters.AddWithValue("id", campaignId);
        var events = new List<System.Text.Json.JsonElement>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            events.Add(System.Text.Json.JsonDocument.Parse(reader.GetString(0)).RootElement.Clone());
        }

        return events;
    }

    public ValueTask DisposeAsync() => DataSource.DisposeAsync();
}
