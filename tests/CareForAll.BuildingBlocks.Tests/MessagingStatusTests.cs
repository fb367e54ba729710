using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using CareForAll.ServiceDefaults.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace CareForAll.BuildingBlocks.Tests;

[Collection(PostgresGroup.Name)]
public sealed class MessagingStatusTests(PostgresServer server) : IAsyncLifetime, IDisposable
{
    readonly TestAccessTokens _tokens = new();
    NpgsqlDataSource _dataSource = null!;
    WebApplication _app = null!;
    HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _dataSource = await TestDatabase.CreateMigratedAsync(server);
        var builder = ServiceTestHost.CreateBuilder(_ => [_tokens.Key]);
        builder.Configuration["OTEL_SERVICE_NAME"] = "pledges";
        builder.Services.AddSingleton(_dataSource);
        (_app, var address) = await ServiceTestHost.StartAsync(builder, app => app.MapMessagingStatus());
        _client = new HttpClient { BaseAddress = address };
    }

    public void Dispose()
    {
        _client.Dispose();
        _tokens.Dispose();
    }

    public async Task DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        await _dataSource.DisposeAsync();
    }

    string Token(string role) => _tokens.Issue(Guid.NewGuid(), role, email: null);

    Task<HttpResponseMessage> GetStatusAsync(string? role)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, MessagingStatusEndpoint.Path);
        if (role is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token(role));
        }

        return _client.SendAsync(request);
    }

    async Task SeedAsync(string sql)
    {
        await using var command = _dataSource.CreateCommand($"""
            INSERT INTO outbox_messages
                (event_id, event_type, occurred_at, aggregate_id, aggregate_version, data, created_at, attempts, locked_until, last_error, sent_at)
            VALUES {sql}
            """);
        await command.ExecuteNonQueryAsync();
    }

    [Fact]
    public async Task only_an_admin_reads_the_status()
    {
        (await GetStatusAsync(role: null)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await GetStatusAsync("USER")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await GetStatusAsync("ADMIN")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task an_empty_outbox_answers_zeros_in_the_envelope()
    {
        using var document = JsonDocument.Parse(await (await GetStatusAsync("ADMIN")).Content.ReadAsStringAsync());

        document.RootElement.GetProperty("success").GetBoolean().ShouldBeTrue();
        var data = document.RootElement.GetProperty("data");
        data.GetProperty("service").GetString().ShouldBe("pledges");
        data.GetProperty("outboxPending").GetInt64().ShouldBe(0);
        data.GetProperty("oldestPendingAgeSeconds").GetDouble().ShouldBe(0);
        data.GetProperty("failingMessages").GetInt64().ShouldBe(0);
        document.RootElement.GetProperty("meta").GetProperty("timestamp").ValueKind.ShouldBe(JsonValueKind.String);
    }

    [Fact]
    public async Task pending_rows_are_counted_and_only_attempts_that_did_not_succeed_are_failing()
    {
        await SeedAsync("""
            -- sent long ago: neither pending nor failing, however old
            (gen_random_uuid(), 'pledge.created', now(), gen_random_uuid(), 1, '{}', now() - interval '1 hour', 1, NULL, NULL, now() - interval '59 minutes'),
            -- never claimed yet, the oldest pending row
            (gen_random_uuid(), 'pledge.created', now(), gen_random_uuid(), 1, '{}', now() - interval '120 seconds', 0, NULL, NULL, NULL),
            -- a first attempt still in flight
            (gen_random_uuid(), 'pledge.created', now(), gen_random_uuid(), 1, '{}', now(), 1, now() + interval '30 seconds', NULL, NULL),
            -- given back after a broker error
            (gen_random_uuid(), 'pledge.created', now(), gen_random_uuid(), 1, '{}', now(), 1, NULL, 'channel closed', NULL),
            -- claimed by a relay that died: its lease ran out
            (gen_random_uuid(), 'pledge.created', now(), gen_random_uuid(), 1, '{}', now(), 1, now() - interval '1 second', NULL, NULL),
            -- a retry in flight after earlier failures
            (gen_random_uuid(), 'pledge.created', now(), gen_random_uuid(), 1, '{}', now(), 3, now() + interval '30 seconds', 'nack', NULL)
            """);

        using var document = JsonDocument.Parse(await (await GetStatusAsync("ADMIN")).Content.ReadAsStringAsync());

        var data = document.RootElement.GetProperty("data");
        data.GetProperty("outboxPending").GetInt64().ShouldBe(5);
        data.GetProperty("failingMessages").GetInt64().ShouldBe(3);
        data.GetProperty("oldestPendingAgeSeconds").GetDouble().ShouldBeInRange(119.0, 180.0);
    }
}
