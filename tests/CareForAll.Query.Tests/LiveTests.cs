using System.Text;
using CareForAll.Query.Features.Totals.Live;
using FastEndpoints;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Live = CareForAll.Query.Features.Totals.Live;

namespace CareForAll.Query.Tests;

[Collection(PostgresGroup.Name)]
public sealed class LiveTests(PostgresServer server)
{
    [Fact]
    public async Task a_live_subscriber_gets_the_current_totals_then_each_change_then_heartbeats_and_ends_when_it_goes()
    {
        await using var db = await QueryDatabase.CreateAsync(server);
        var side = new ReadSide(db);
        var campaign = Guid.NewGuid();
        await side.CampaignAsync(campaign, version: 2);
        await side.SettleAsync();
        // The subscriber's replica is not the one applying: it hears the change through the bus only.
        var replica = side.Replica();
        var body = new CapturedStream();
        using var leaving = new CancellationTokenSource();
        var endpoint = Factory.Create<Live.Endpoint>(
            Callers.Anonymous.With("id", campaign).Then(context =>
            {
                context.Response.Body = body;
                context.RequestAborted = leaving.Token;
            }),
            replica.Totals, replica.Live, TestMeters.Metrics, new RunningHost(),
            Options.Create(new LiveOptions { HeartbeatInterval = TimeSpan.FromMilliseconds(300) }));

        var streaming = endpoint.HandleAsync(leaving.Token);
        await Eventually.UntilAsync(() => Task.FromResult(body.Text.Contains("event: totals")), TimeSpan.FromSeconds(10), "the current totals were not sent");
        endpoint.HttpContext.Response.ContentType.ShouldBe("text/event-stream");
        body.Text.ShouldContain("\"raisedAmount\":0");

        await side.CompletedAsync(Guid.NewGuid(), campaign, 321m, Guid.NewGuid());
        await side.SettleAsync();
        var version = (await db.CampaignAsync(campaign))!.Version;

        await Eventually.UntilAsync(() => Task.FromResult(body.Text.Contains($"id: {version}\n")), TimeSpan.FromSeconds(10), "the change was not pushed");
        var events = body.Text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries).Where(e => e.StartsWith("event: totals", StringComparison.Ordinal)).ToList();
        events.Count.ShouldBe(2);
        events[1].ShouldContain("\"raisedAmount\":321");
        events[1].Split('\n').ShouldContain(line => line.StartsWith("data: {", StringComparison.Ordinal));
        await Eventually.UntilAsync(() => Task.FromResult(body.Text.Contains(": heartbeat\n\n")), TimeSpan.FromSeconds(10), "no heartbeat on a quiet stream");

        replica.Live.Count.ShouldBe(1);
        await leaving.CancelAsync();
        await streaming.WaitAsync(TimeSpan.FromSeconds(10));
        replica.Live.Count.ShouldBe(0);
    }

    [Fact]
    public async Task a_live_stream_for_an_unknown_campaign_is_refused_before_it_starts()
    {
        await using var db = await QueryDatabase.CreateAsync(server);
        var side = new ReadSide(db);
        var replica = side.Replica();
        var endpoint = Factory.Create<Live.Endpoint>(
            Callers.Anonymous.With("id", Guid.NewGuid()),
            replica.Totals, replica.Live, TestMeters.Metrics, new RunningHost(), Options.Create(new LiveOptions()));

        var refused = await Should.ThrowAsync<CareForAll.ServiceDefaults.Api.ApiException>(() => endpoint.HandleAsync(CancellationToken.None));

        refused.Code.ShouldBe("CAMPAIGN_NOT_FOUND");
        replica.Live.Count.ShouldBe(0);
    }

    /// <summary>A response body the test reads while the endpoint writes it.</summary>
    private sealed class CapturedStream : Stream
    {
        private readonly StringBuilder _text = new();

        public string Text
        {
            get
            {
                lock (_text)
                {
                    return _text.ToString();
                }
            }
        }

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count)
        {
            lock (_text)
            {
                _text.Append(Encoding.UTF8.GetString(buffer, offset, count));
            }
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            lock (_text)
            {
                _text.Append(Encoding.UTF8.GetString(buffer.Span));
            }

            return ValueTask.CompletedTask;
        }
    }

    private sealed class RunningHost : IHostApplicationLifetime
    {
        public CancellationToken ApplicationStarted => CancellationToken.None;

        public CancellationToken ApplicationStopping => CancellationToken.None;

        public CancellationToken ApplicationStopped => CancellationToken.None;

        public void StopApplication()
        {
        }
    }
}
