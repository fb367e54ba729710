using System.Net;
using System.Text.Json;
using CareForAll.Identity.Features.Users.List;

namespace CareForAll.Identity.Tests;

/// <summary>The admins' user list (<c>GET /internal/users</c>) through HTTP, against a real database.</summary>
[Collection(PostgresGroup.Name)]
public sealed class UserListTests(PostgresServer server)
{
    private static async Task<Guid> InsertUserAsync(
        IdentityHost host, string email, DateTimeOffset createdAt, string role = "USER", bool active = true, bool verified = false,
        string? firstName = null, string? lastName = null)
    {
        var id = Guid.CreateVersion7(createdAt);
        await using var command = host.Database.CreateCommand("""
            INSERT INTO auth.users (id, email, password_hash, role, is_active, email_verified, suspended_at, created_at, updated_at)
            VALUES (@id, @email, 'not-a-hash', @role, @active, @verified, CASE WHEN @active THEN NULL ELSE @created END, @created, @created);
            INSERT INTO auth.user_profiles (id, user_id, first_name, last_name, created_at, updated_at)
            VALUES (gen_random_uuid(), @id, @first, @last, @created, @created);
            """);
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("email", email);
        command.Parameters.AddWithValue("role", role);
        command.Parameters.AddWithValue("active", active);
        command.Parameters.AddWithValue("verified", verified);
        command.Parameters.AddWithValue("created", createdAt);
        command.Parameters.AddWithValue("first", (object?)firstName ?? DBNull.Value);
        command.Parameters.AddWithValue("last", (object?)lastName ?? DBNull.Value);
        await command.ExecuteNonQueryAsync();
        return id;
    }

    private static async Task<IdentityHost> SeededAsync(PostgresServer server)
    {
        var host = await IdentityHost.StartAsync(server);
        var now = host.Clock.Now;
        await InsertUserAsync(host, "ann@example.org", now.AddHours(-5), firstName: "Ann", lastName: "Lee", verified: true);
        await InsertUserAsync(host, "bob@example.org", now.AddHours(-4), active: false, firstName: "Bob", lastName: "Khan");
        await InsertUserAsync(host, "root@example.org", now.AddHours(-3), role: "ADMIN", verified: true);
        await InsertUserAsync(host, "carol_100%@example.org", now.AddHours(-2), firstName: "Carol");
        await InsertUserAsync(host, "dave@example.org", now.AddHours(-1), firstName: "Dave", lastName: "Lee");
        return host;
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> ListAsync(IdentityHost host, string query, string? bearer = null)
    {
        var response = await host.GetAsync($"/internal/users{query}", bearer ?? host.AdminToken());
        return (response.StatusCode, await IdentityHost.BodyAsync(response));
    }

    private static IReadOnlyList<string> Emails(JsonElement body) =>
        [.. body.GetProperty("data").EnumerateArray().Select(u => u.GetProperty("email").GetString()!)];

    [Fact]
    public async Task only_admins_list_users()
    {
        await using var host = await SeededAsync(server);

        (await host.GetAsync("/internal/users")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var asUser = await host.GetAsync("/internal/users", host.Token(Guid.NewGuid()));
        asUser.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await IdentityHost.BodyAsync(asUser)).GetProperty("success").GetBoolean().ShouldBeFalse();
        (await ListAsync(host, "")).Status.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task users_come_newest_first_in_the_paged_envelope_with_the_contracts_fields()
    {
        await using var host = await SeededAsync(server);

        var (status, first) = await ListAsync(host, "?page=1&limit=2");
        var (_, third) = await ListAsync(host, "?page=3&limit=2");

        status.ShouldBe(HttpStatusCode.OK);
        Emails(first).ShouldBe(["dave@example.org", "carol_100%@example.org"]);
        Emails(third).ShouldBe(["ann@example.org"]);
        first.GetProperty("pagination").ToString().ShouldBe("""{"page":1,"limit":2,"total":5,"totalPages":3}""");
        var ann = third.GetProperty("data")[0];
        ann.EnumerateObject().Select(p => p.Name).ShouldBe(
            ["id", "email", "role", "isActive", "emailVerified", "firstName", "lastName", "suspendedAt", "createdAt"], ignoreOrder: true);
        ann.GetProperty("emailVerified").GetBoolean().ShouldBeTrue();
        ann.GetProperty("lastName").GetString().ShouldBe("Lee");
        ann.GetProperty("createdAt").GetDateTimeOffset().ShouldBe(host.Clock.Now.AddHours(-5));
    }

    [Fact]
    public async Task filters_by_status_role_and_search()
    {
        await using var host = await SeededAsync(server);

        var suspended = (await ListAsync(host, "?status=suspended")).Body;
        Emails(suspended).ShouldBe(["bob@example.org"]);
        suspended.GetProperty("data")[0].GetProperty("isActive").GetBoolean().ShouldBeFalse();
        suspended.GetProperty("data")[0].GetProperty("suspendedAt").GetDateTimeOffset().ShouldBe(host.Clock.Now.AddHours(-4));
        Emails((await ListAsync(host, "?status=ACTIVE&role=admin")).Body).ShouldBe(["root@example.org"]);
        Emails((await ListAsync(host, "?search=LEE")).Body).ShouldBe(["dave@example.org", "ann@example.org"]);
        Emails((await ListAsync(host, "?search=ann%20lee")).Body).ShouldBe(["ann@example.org"]);
        // LIKE's wildcards in the search are literal characters.
        Emails((await ListAsync(host, "?search=_100%25")).Body).ShouldBe(["carol_100%@example.org"]);
        Emails((await ListAsync(host, "?search=%25")).Body).ShouldBe(["carol_100%@example.org"]);
        (await ListAsync(host, "?search=nobody")).Body.GetProperty("pagination").GetProperty("total").GetInt64().ShouldBe(0);
    }

    [Theory]
    [InlineData("?status=deleted")]
    [InlineData("?role=ROOT")]
    [InlineData("?limit=101")]
    [InlineData("?page=0")]
    public async Task unknown_filters_are_refused(string query)
    {
        await using var host = await IdentityHost.StartAsync(server);

        var (status, body) = await ListAsync(host, query);

        status.ShouldBe(HttpStatusCode.BadRequest);
        body.GetProperty("error").GetProperty("code").GetString().ShouldBe("VALIDATION_ERROR");
    }

    [Theory]
    [InlineData("plain", "%plain%")]
    [InlineData(" a_b ", @"%a\_b%")]
    [InlineData(@"50%\", @"%50\%\\%")]
    [InlineData("  ", null)]
    public void search_text_becomes_a_literal_pattern(string search, string? pattern) =>
        UserFilter.Pattern(search).ShouldBe(pattern);
}
