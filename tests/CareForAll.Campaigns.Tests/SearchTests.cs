using List = CareForAll.Campaigns.Features.Campaigns.List;

namespace CareForAll.Campaigns.Tests;

[Collection(PostgresGroup.Name)]
public sealed class SearchTests(PostgresServer server)
{
    private static List.CampaignFilter Filter(
        string? query = null, string? status = null, string? type = null, Guid? organizer = null, string? sort = null, int page = 1, int limit = 20) =>
        new(status is null ? ["active", "completed", "expired"] : [status], type, organizer, query,
            sort ?? (query is null ? List.CampaignSort.Newest : List.CampaignSort.Relevance), page, limit);

    private static async Task<IReadOnlyList<string>> TitlesAsync(CampaignDatabase db, List.CampaignFilter filter) =>
        [.. (await List.Data.FindAsync(db.DataSource, filter, CancellationToken.None)).Rows.Select(r => r.Title)];

    private static async Task<CampaignDatabase> SeededAsync(PostgresServer server)
    {
        var db = await CampaignDatabase.CreateAsync(server);
        var now = DateTimeOffset.UtcNow;
        await db.InsertCampaignAsync(title: "Heart surgery for Rahim", description: "An urgent operation at the heart foundation in Dhaka.",
            createdAt: now.AddHours(-5), end: now.AddDays(20), goal: 100_000m, current: 90_000m);
        await db.InsertCampaignAsync(title: "School fees for Ayesha", description: "Ayesha's tuition and books for the year in Chittagong.",
            type: "education", createdAt: now.AddHours(-4), end: now.AddDays(5), goal: 50_000m, current: 15_000m);
        await db.InsertCampaignAsync(title: "Flood relief in Sylhet", description: "Dry food, water and medicine after the floods; surgery kits too.",
            type: "emergency", createdAt: now.AddHours(-3), end: now.AddDays(60), goal: 1_000_000m, current: 200_000m);
        await db.InsertCampaignAsync(title: "Kidney transplant in Dhaka", description: "Surgery and aftercare for a father of three.",
            status: "completed", createdAt: now.AddHours(-2), goal: 300_000m, current: 300_000m);
        await db.InsertCampaignAsync(title: "Heart surgery draft", description: "Not yet approved: surgery for a child.",
            status: "draft", createdAt: now.AddHours(-1));
        await db.InsertCampaignAsync(title: "Cancelled heart appeal", description: "Withdrawn surgery appeal.",
            status: "cancelled", createdAt: now);
        return db;
    }

    [Fact]
    public async Task the_public_list_never_shows_drafts_or_cancelled_campaigns()
    {
        await using var db = await SeededAsync(server);

        (await TitlesAsync(db, Filter())).ShouldBe(
            ["Kidney transplant in Dhaka", "Flood relief in Sylhet", "School fees for Ayesha", "Heart surgery for Rahim"]);
    }

    [Fact]
    public async Task search_matches_stemmed_words_in_title_and_description()
    {
        await using var db = await SeededAsync(server);

        // "surgeries" stems to "surgeri", as "surgery" does.
        (await TitlesAsync(db, Filter("surgeries"))).ShouldBe(
            ["Heart surgery for Rahim", "Flood relief in Sylhet", "Kidney transplant in Dhaka"], ignoreOrder: true);
    }

    [Fact]
    public async Task a_title_match_ranks_above_a_description_match()
    {
        await using var db = await SeededAsync(server);

        (await TitlesAsync(db, Filter("surgery")))[0].ShouldBe("Heart surgery for Rahim");
    }

    [Fact]
    public async Task search_understands_what_people_type()
    {
        await using var db = await SeededAsync(server);

        (await TitlesAsync(db, Filter("surgery -dhaka"))).ShouldBe(["Flood relief in Sylhet"]);
        (await TitlesAsync(db, Filter("\"heart foundation\""))).ShouldBe(["Heart surgery for Rahim"]);
        (await TitlesAsync(db, Filter("tuition or floods"))).ShouldBe(["School fees for Ayesha", "Flood relief in Sylhet"], ignoreOrder: true);
        // Unbalanced quotes and stray operators are not errors.
        (await TitlesAsync(db, Filter("\"heart & | !"))).ShouldBe(["Heart surgery for Rahim"]);
    }

    [Fact]
    public async Task search_combines_with_filters()
    {
        await using var db = await SeededAsync(server);

        (await TitlesAsync(db, Filter("surgery", status: "completed"))).ShouldBe(["Kidney transplant in Dhaka"]);
        (await TitlesAsync(db, Filter("surgery", type: "emergency"))).ShouldBe(["Flood relief in Sylhet"]);
    }

    [Fact]
    public async Task the_search_uses_the_gin_index_on_the_stored_vector()
    {
        await using var db = await SeededAsync(server);

        // With six rows a sequential scan is cheaper; forbid it to see which index the planner would use.
        await using var connection = await db.DataSource.OpenConnectionAsync();
        await using (var off = new Npgsql.NpgsqlCommand("SET enable_seqscan = off", connection))
        {
            await off.ExecuteNonQueryAsync();
        }

        await using var explain = new Npgsql.NpgsqlCommand(
            "EXPLAIN SELECT id FROM campaigns.campaigns WHERE search @@ websearch_to_tsquery('english', 'surgery')", connection);
        var lines = new List<string>();
        await using (var reader = await explain.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                lines.Add(reader.GetString(0));
            }
        }

        string.Join('\n', lines).ShouldContain("idx_campaigns_search");
    }

    [Theory]
    [InlineData("most_raised", new[] { "Kidney transplant in Dhaka", "Flood relief in Sylhet", "Heart surgery for Rahim", "School fees for Ayesha" })]
    [InlineData("goal_progress", new[] { "Kidney transplant in Dhaka", "Heart surgery for Rahim", "School fees for Ayesha", "Flood relief in Sylhet" })]
    [InlineData("ending_soon", new[] { "School fees for Ayesha", "Heart surgery for Rahim", "Flood relief in Sylhet", "Kidney transplant in Dhaka" })]
    [InlineData("newest", new[] { "Kidney transplant in Dhaka", "Flood relief in Sylhet", "School fees for Ayesha", "Heart surgery for Rahim" })]
    public async Task the_list_sorts_as_asked(string sort, string[] expected)
    {
        await using var db = await SeededAsync(server);

        (await TitlesAsync(db, Filter(sort: sort))).ShouldBe(expected);
    }

    [Fact]
    public async Task pages_cover_the_list_once_with_the_total_beside_them()
    {
        await using var db = await SeededAsync(server);

        var first = await List.Data.FindAsync(db.DataSource, Filter(limit: 3), CancellationToken.None);
        var second = await List.Data.FindAsync(db.DataSource, Filter(page: 2, limit: 3), CancellationToken.None);
        var beyond = await List.Data.FindAsync(db.DataSource, Filter(page: 3, limit: 3), CancellationToken.None);

        first.Total.ShouldBe(4);
        beyond.Total.ShouldBe(4);
        first.Rows.Count.ShouldBe(3);
        second.Rows.ShouldHaveSingleItem();
        beyond.Rows.ShouldBeEmpty();
        first.Rows.Select(r => r.Id).Intersect(second.Rows.Select(r => r.Id)).ShouldBeEmpty();
    }

    [Fact]
    public async Task the_organizer_filter_shows_only_their_public_campaigns()
    {
        await using var db = await CampaignDatabase.CreateAsync(server);
        var organizer = Guid.NewGuid();
        await db.InsertCampaignAsync(title: "Mine, running", organizerId: organizer);
        await db.InsertCampaignAsync(title: "Mine, draft", organizerId: organizer, status: "draft");
        await db.InsertCampaignAsync(title: "Someone else's");

        (await TitlesAsync(db, Filter(organizer: organizer))).ShouldBe(["Mine, running"]);
    }
}
