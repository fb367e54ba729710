using CareForAll.ServiceDefaults.Auth;
using CareForAll.ServiceDefaults.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Shouldly;

namespace CareForAll.ServiceDefaults.Tests;

public sealed class JwksSigningKeySourceTests : IDisposable
{
    private readonly TestTokens _first = new("key-1");
    private readonly TestTokens _second = new("key-2");
    private readonly ManualTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));
    private readonly CareForAllAuthOptions _options = new() { JwksRefreshThrottle = TimeSpan.FromSeconds(5), JwksMaxAge = TimeSpan.FromHours(1) };
    private string _published;
    private bool _failing;

    public JwksSigningKeySourceTests() => _published = _first.JwksJson();

    [Fact]
    public async Task the_first_token_fetches_the_keys_and_later_ones_use_the_cache()
    {
        var (source, handler) = Create();

        await source.EnsureKeyAsync("key-1", CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(10));
        await source.EnsureKeyAsync("key-1", CancellationToken.None);

        handler.Calls.ShouldBe(1);
        handler.Requests.Single().RequestUri.ShouldBe(new Uri("https+http://identity/.well-known/jwks.json"));
        source.GetKeys("key-1").ShouldHaveSingleItem().KeyId.ShouldBe("key-1");
        source.GetKeys("key-9").ShouldBeEmpty();
    }

    [Fact]
    public async Task unknown_key_ids_are_fetched_at_most_once_per_throttle_interval()
    {
        var (source, handler) = Create();
        await source.EnsureKeyAsync("key-1", CancellationToken.None);

        for (var i = 0; i < 20; i++)
        {
            await source.EnsureKeyAsync("forged-" + i, CancellationToken.None);
        }

        handler.Calls.ShouldBe(1);
        _time.Advance(TimeSpan.FromSeconds(6));
        await source.EnsureKeyAsync("forged-again", CancellationToken.None);
        handler.Calls.ShouldBe(2);
    }

    [Fact]
    public async Task a_rotated_key_is_picked_up_when_a_token_names_it()
    {
        var (source, handler) = Create();
        await source.EnsureKeyAsync("key-1", CancellationToken.None);

        _published = _second.JwksJson();
        _time.Advance(TimeSpan.FromSeconds(30));
        await source.EnsureKeyAsync("key-2", CancellationToken.None);

        handler.Calls.ShouldBe(2);
        source.GetKeys("key-2").ShouldHaveSingleItem();
    }

    [Fact]
    public async Task keys_older_than_the_max_age_are_fetched_again()
    {
        var (source, handler) = Create();
        await source.EnsureKeyAsync("key-1", CancellationToken.None);

        _time.Advance(TimeSpan.FromHours(2));
        await source.EnsureKeyAsync("key-1", CancellationToken.None);

        handler.Calls.ShouldBe(2);
    }

    [Fact]
    public async Task a_failed_fetch_keeps_the_keys_already_known()
    {
        var (source, handler) = Create();
        await source.EnsureKeyAsync("key-1", CancellationToken.None);

        _failing = true;
        _time.Advance(TimeSpan.FromHours(2));
        await source.EnsureKeyAsync("key-1", CancellationToken.None);

        handler.Calls.ShouldBe(2);
        source.GetKeys("key-1").ShouldHaveSingleItem();
    }

    [Fact]
    public async Task concurrent_requests_with_an_unknown_kid_share_one_fetch()
    {
        var (source, handler) = Create();

        await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => source.EnsureKeyAsync("key-1", CancellationToken.None).AsTask()));

        handler.Calls.ShouldBe(1);
        source.GetKeys("key-1").ShouldHaveSingleItem();
    }

    [Fact]
    public async Task a_request_arriving_while_the_first_fetch_is_in_flight_waits_for_it_instead_of_failing()
    {
        var (source, handler) = Create();
        var answer = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        handler.Hold = answer.Task;

        var first = source.EnsureKeyAsync("key-1", CancellationToken.None).AsTask();
        SpinWait.SpinUntil(() => handler.Calls == 1, TimeSpan.FromSeconds(10)).ShouldBeTrue("the first fetch started");
        var second = source.EnsureKeyAsync("key-1", CancellationToken.None).AsTask();
        second.IsCompleted.ShouldBeFalse("the second request waits for the fetch in flight");

        answer.SetResult();
        await Task.WhenAll(first, second);

        handler.Calls.ShouldBe(1);
        source.GetKeys("key-1").ShouldHaveSingleItem();
    }

    public void Dispose()
    {
        _first.Dispose();
        _second.Dispose();
    }

    private (JwksSigningKeySource Source, StubHandler Handler) Create()
    {
        var handler = new StubHandler(() => _failing ? throw new HttpRequestException("identity is down") : _published);
        var source = new JwksSigningKeySource(
            new StubHttpClientFactory(handler),
            Options.Create(_options),
            _time,
            NullLogger<JwksSigningKeySource>.Instance);
        return (source, handler);
    }
}
