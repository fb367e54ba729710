using System.Runtime.CompilerServices;
using CareForAll.Query.Caching;
using CareForAll.Query.Features.Ledger.Record;
using CareForAll.Query.Features.Rebuild;
using Microsoft.Extensions.Logging.Abstractions;

namespace CareForAll.Query.Tests;

[Collection(PostgresGroup.Name)]
public sealed class RebuildTests(PostgresServer server)
{
    /// <summary>The owners' snapshots, as a fake: what campaigns and pledges would answer, in small pages.</summary>
    private sealed class FakeSnapshots(IReadOnlyList<CampaignSnapshot> campaigns, IReadOnlyList<PledgeSnapshot> pledges) : ISnapshotSource
    {
        /// <summary>Runs while the snapshot is being read, after the rebuild started: events arriving meanwhile.</summary>
        public Func<Task>? WhileReading { get; init; }

        public async IAsyncEnumerable<IReadOnlyList<CampaignSnapshot>> CampaignsAsync([EnumeratorCancellation] CancellationToken ct)
        {
            if (WhileReading is not null)
            {
                await WhileReading();
            }

            foreach (var page in campaigns.Chunk(2))
            {
                yield return page;
            }
        }

        public async IAsyncEnumerable<IReadOnlyList<PledgeSnapshot>> PledgesAsync([EnumeratorCancellation] CancellationToken ct)
        {
            await Task.Yield();
            foreach (var page in pledges.Chunk(7))
            {
                yield return page;
            }
        }
    }

    /// <summary>A platform's worth of donations, delivered as events (late, twice, out of order) and described as snapshots.</summary>
    private sealed class Scenario
    {
        public List<(Guid Id, long Version, string Status, string Title, decimal Goal)> Campaigns { get; } = [];

        public List<PledgeSnapshot> Pledges { get; } = [];

        public List<Func<ReadSide, Task>> Deliveries { get; } = [];

        public static Scenario Create(ReadSide side)
        {
            var scenario = new Scenario();
            var random = new Random(42);
            for (var i = 0; i < 4; i++)
            {
                scenario.Campaigns.Add((Guid.NewGuid(), 3 + i, i == 3 ? "completed" : "active", $"Campaign {i}", 1000m * (i + 1)));
            }

            var users = Enumerable.Range(0, 4).Select(_ => Guid.NewGuid()).ToArray();
            string[] guests = ["rina@example.org", "RINA@example.org", "tanvir@example.org"];
            for (var i = 0; i < 36; i++)
            {
                var campaign = scenario.Campaigns[i % 4].Id;
                var user = i % 3 == 0 ? (Guid?)null : users[i % 4];
                var at = side.Clock.Now.AddMinutes(-i * 47);
                var pledge = ReadSide.Pledge(
                    Guid.NewGuid(), campaign, 10m * (i + 1) + 0.5m, user, user is null ? guests[i % 3] : $"user{i % 4}@example.org",
                    name: $"Donor {i}", anonymous: i % 5 == 0, message: i % 2 == 0 ? "For Rahim" : null, at: at);
                var kind = (i % 6) switch { 0 => "refunded-after", 1 => "refunded-before", 2 => "never-counted", _ => "completed" };
                var refundAt = at.AddHours(1);
                switch (kind)
                {
                    case "completed":
                        scenario.Deliveries.Add(s => s.CompletedAsync(pledge));
                        scenario.Deliveries.Add(s => s.CompletedAsync(pledge));
                        scenario.Pledges.Add(Snapshot(pledge, "completed", at, wasCompleted: false, occurredAt: at));
                        break;
                    case "refunded-after":
                        scenario.Deliveries.Add(s => s.CompletedAsync(pledge));
                        scenario.Deliveries.Add(s => s.RefundedAsync(pledge, at: refundAt));
                        scenario.Pledges.Add(Snapshot(pledge, "refunded", at, wasCompleted: true, occurredAt: refundAt));
                        break;
                    case "refunded-before":
                        // The refund's event overtakes the completion's: the completion row then takes the refund's time.
                        scenario.Deliveries.Add(s => s.RefundedAsync(pledge, at: at));
                        scenario.Deliveries.Add(s => s.CompletedAsync(pledge));
                        scenario.Pledges.Add(Snapshot(pledge, "refunded", at, wasCompleted: true, occurredAt: at));
                        break;
                    default:
                        // A risk-held payment rejected: refunded from payment_initiated, never counted.
                        scenario.Deliveries.Add(s => s.RefundedAsync(pledge, previousStatus: "payment_initiated"));
                        scenario.Pledges.Add(Snapshot(pledge, "refunded", null, wasCompleted: false, occurredAt: at));
                        break;
                }
            }

            // Late, twice and in any order: a refund may overtake its completion whichever way it was planned.
            var shuffled = scenario.Deliveries.OrderBy(_ => random.Next()).ToList();
            scenario.Deliveries.Clear();
            scenario.Deliveries.AddRange(shuffled);
            return scenario;
        }

        private static PledgeSnapshot Snapshot(PledgeEventData pledge, string status, DateTimeOffset? completedAt, bool wasCompleted, DateTimeOffset occurredAt) => new()
        {
            PledgeId = pledge.PledgeId,
            CampaignId = pledge.CampaignId,
            UserId = pledge.UserId,
            DonorEmail = pledge.DonorEmail,
            DonorName = pledge.DonorName,
            IsAnonymous = pledge.IsAnonymous,
            Amount = pledge.Amount,
            Currency = "BDT",
            Status = status,
            PreviousStatus = status == "refunded" ? (wasCompleted ? "completed" : "payment_initiated") : "payment_initiated",
            Message = pledge.Message,
            OccurredAt = occurredAt,
            Version = 4,
            CompletedAt = completedAt,
            WasCompleted = wasCompleted,
        };

        public async Task DeliverAsync(ReadSide side)
        {
            foreach (var campaign in Campaigns)
            {
                await side.CampaignAsync(campaign.Id, campaign.Version, campaign.Status, campaign.Title, campaign.Goal);
            }

            foreach (var (delivery, index) in Deliveries.Select((d, i) => (d, i)))
            {
                await delivery(side);
                if (index % 10 == 0)
                {
                    await side.ApplyAllAsync();
                }
            }

            await side.SettleAsync();
        }

        public FakeSnapshots Snapshots(Func<Task>? whileReading = null) => new(
            [.. Campaigns.Select(c => new CampaignSnapshot
            {
                CampaignId = c.Id,
                Title = c.Title,
                CampaignType = "medical",
                Status = c.Status,
                GoalAmount = c.Goal,
                Currency = "BDT",
                OrganizerId = Guid.Empty,
                StartDate = DateTimeOffset.Parse("2025-11-16T06:30:00Z", System.Globalization.CultureInfo.InvariantCulture),
                EndDate = DateTimeOffset.Parse("2025-12-21T06:30:00Z", System.Globalization.CultureInfo.InvariantCulture),
                Version = c.Version,
            })],
            Pledges) { WhileReading = whileReading };
    }

    private static ReadModelRebuild Rebuild(QueryDatabase db, ReadSide side) => new(
        db.DataSource, side.Projector(), side.Bus, side.Clock, TestMeters.Metrics, NullLogger<ReadModelRebuild>.Instance);

    private static Task WipeAsync(QueryDatabase db) => db.ExecuteAsync("""
        TRUNCATE query.pledge_ledger, query.campaign_totals, query.campaign_donors, query.platform_donors,
                 query.user_statistics, query.donation_history, query.donation_hours, query.totals_announcements;
        UPDATE query.platform_statistics SET total_raised = 0, total_donations = 0, total_donors = 0;
        """);

    [Fact]
    public async Task read_models_wiped_and_rebuilt_from_the_owners_snapshots_give_identical_figures()
    {
        await using var db = await QueryDatabase.CreateAsync(server);
        var side = new ReadSide(db, batchSize: 5);
        var scenario = Scenario.Create(side);
        await scenario.DeliverAsync(side);
        var fromEvents = await db.DumpAsync();
        var platform = await db.PlatformAsync();
        platform.Raised.ShouldBeGreaterThan(0m);
        var replica = side.Replica();
        var watched = scenario.Campaigns[0].Id;
        var before = await replica.Totals.GetAsync(watched, CancellationToken.None);

        await WipeAsync(db);
        (await db.DumpAsync()).ShouldNotBe(fromEvents);

        var result = await Rebuild(db, side).RebuildAsync(scenario.Snapshots(), CancellationToken.None);

        (await db.DumpAsync()).ShouldBe(fromEvents);
        (result.Campaigns, result.Pledges).ShouldBe((4, 36));
        (result.TotalRaised, result.TotalDonations, result.TotalDonors).ShouldBe((platform.Raised, platform.Donations, platform.Donors));
        result.LedgerRows.ShouldBe(18 + 2 * 12);
        (await db.UnappliedAsync()).ShouldBe(0);

        // Every replica's copy is replaced, with a newer version.
        side.Bus.Changes.ShouldContain(ReadModelSignals.Reset);
        await side.SettleAsync();
        replica.Totals.TryPeek(watched, out var after).ShouldBeTrue();
        after!.Version.ShouldBeGreaterThan(before.Version);
        after.View!.RaisedAmount.ShouldBe(before.View!.RaisedAmount);
    }

    [Fact]
    public async Task rebuilding_an_intact_read_model_changes_no_figure_and_can_be_repeated()
    {
        await using var db = await QueryDatabase.CreateAsync(server);
        var side = new ReadSide(db);
        var scenario = Scenario.Create(side);
        await scenario.DeliverAsync(side);
        var fromEvents = await db.DumpAsync();

        await Rebuild(db, side).RebuildAsync(scenario.Snapshots(), CancellationToken.None);
        (await db.DumpAsync()).ShouldBe(fromEvents);
        await Rebuild(db, side).RebuildAsync(scenario.Snapshots(), CancellationToken.None);
        (await db.DumpAsync()).ShouldBe(fromEvents);
    }

    [Fact]
    public async Task events_arriving_while_a_rebuild_runs_converge_on_the_exact_figures()
    {
        await using var db = await QueryDatabase.CreateAsync(server);
        var side = new ReadSide(db);
        var scenario = Scenario.Create(side);
        await scenario.DeliverAsync(side);
        var campaign = scenario.Campaigns[1].Id;
        var raisedBefore = (await db.CampaignAsync(campaign))!.Raised;
        var platformBefore = await db.PlatformAsync();
        var known = scenario.Pledges.First(p => p.Status == "completed" && p.CampaignId == campaign);
        var late = ReadSide.Pledge(Guid.NewGuid(), campaign, 77m, Guid.NewGuid(), at: side.Clock.Now);

        // After the rebuild started and before it locks: a donation the snapshot does not hold yet, and a
        // redelivery of one it does.
        var snapshots = scenario.Snapshots(async () =>
        {
            await side.CompletedAsync(late);
            await side.CompletedAsync(ReadSide.Pledge(known.PledgeId, known.CampaignId, known.Amount, known.UserId, known.DonorEmail!, at: known.CompletedAt));
        });
        await Rebuild(db, side).RebuildAsync(snapshots, CancellationToken.None);

        (await db.CampaignAsync(campaign))!.Raised.ShouldBe(raisedBefore + 77m);
        var platform = await db.PlatformAsync();
        (platform.Raised, platform.Donations, platform.Donors).ShouldBe((platformBefore.Raised + 77m, platformBefore.Donations + 1, platformBefore.Donors + 1));

        // The same events delivered again after the rebuild change nothing.
        await side.CompletedAsync(late);
        await side.SettleAsync();
        (await db.CampaignAsync(campaign))!.Raised.ShouldBe(raisedBefore + 77m);
    }
}
