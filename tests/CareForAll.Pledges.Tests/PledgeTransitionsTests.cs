using CareForAll.Pledges.Domain;

namespace CareForAll.Pledges.Tests;

public sealed class PledgeTransitionsTests
{
    private const string Pending = PledgeStatus.Pending;
    private const string Initiated = PledgeStatus.PaymentInitiated;
    private const string Completed = PledgeStatus.Completed;
    private const string Failed = PledgeStatus.Failed;
    private const string Refunded = PledgeStatus.Refunded;

    // Every ordered pair of the five statuses: is it one allowed move, and can it be reached through allowed moves?
    public static TheoryData<string, string, bool, bool> EveryPair => new()
    {
        { Pending, Pending, false, false },
        { Pending, Initiated, true, true },
        { Pending, Completed, false, true },
        { Pending, Failed, false, true },
        { Pending, Refunded, false, true },
        { Initiated, Pending, false, false },
        { Initiated, Initiated, false, false },
        { Initiated, Completed, true, true },
        { Initiated, Failed, true, true },
        { Initiated, Refunded, true, true },
        { Completed, Pending, false, false },
        { Completed, Initiated, false, false },
        { Completed, Completed, false, false },
        { Completed, Failed, false, false },
        { Completed, Refunded, true, true },
        { Failed, Pending, false, false },
        { Failed, Initiated, false, false },
        { Failed, Completed, true, true },
        { Failed, Failed, false, false },
        { Failed, Refunded, false, true },
        { Refunded, Pending, false, false },
        { Refunded, Initiated, false, false },
        { Refunded, Completed, false, false },
        { Refunded, Failed, false, false },
        { Refunded, Refunded, false, false },
    };

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void each_pair_is_one_allowed_move_or_not(string from, string to, bool allowed, bool _) =>
        PledgeTransitions.IsAllowed(from, to).ShouldBe(allowed, $"{from} -> {to}");

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void each_pair_is_reachable_through_allowed_moves_or_not(string from, string to, bool _, bool reachable) =>
        PledgeTransitions.CanReach(from, to).ShouldBe(reachable, $"{from} ->* {to}");

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void the_verdict_follows_reachability(string from, string to, bool _, bool reachable)
    {
        var expected = from == to ? MoveVerdict.Unchanged : reachable ? MoveVerdict.Move : MoveVerdict.Refused;
        PledgeTransitions.Decide(from, to).ShouldBe(expected);
    }

    [Fact]
    public void every_pair_of_states_is_covered() =>
        EveryPair.Count.ShouldBe(PledgeStatus.All.Count * PledgeStatus.All.Count);

    [Fact]
    public void a_refunded_pledge_never_moves_again() =>
        PledgeStatus.All.ShouldAllBe(to => PledgeTransitions.Decide(Refunded, to) != MoveVerdict.Move);

    [Fact]
    public void an_unknown_status_reaches_nothing()
    {
        PledgeTransitions.CanReach("cancelled", Completed).ShouldBeFalse();
        PledgeTransitions.IsAllowed("cancelled", Completed).ShouldBeFalse();
    }
}
