using CareForAll.Payments.Domain;

namespace CareForAll.Payments.Tests;

public sealed class PaymentTransitionsTests
{
    // ARCHITECTURE section 6, and nothing else.
    private static readonly HashSet<(PaymentStatus, PaymentStatus)> Table =
    [
        (PaymentStatus.Pending, PaymentStatus.Authorized),
        (PaymentStatus.Pending, PaymentStatus.Captured),
        (PaymentStatus.Authorized, PaymentStatus.Captured),
        (PaymentStatus.Captured, PaymentStatus.Completed),
        (PaymentStatus.Pending, PaymentStatus.Failed),
        (PaymentStatus.Authorized, PaymentStatus.Failed),
        (PaymentStatus.Failed, PaymentStatus.Captured),
        (PaymentStatus.Completed, PaymentStatus.Refunded),
        (PaymentStatus.Captured, PaymentStatus.Refunded),
    ];

    // Names, not the internal enum, so xunit can show each case.
    public static TheoryData<string, string> EveryPair()
    {
        var pairs = new TheoryData<string, string>();
        foreach (var from in Enum.GetValues<PaymentStatus>())
        {
            foreach (var to in Enum.GetValues<PaymentStatus>())
            {
                pairs.Add(from.ToName(), to.ToName());
            }
        }

        return pairs;
    }

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void every_pair_of_states_follows_the_table(string fromName, string toName)
    {
        var from = PaymentStatusNames.Parse(fromName);
        var to = PaymentStatusNames.Parse(toName);
        var allowed = Table.Contains((from, to));

        PaymentTransitions.IsAllowed(from, to).ShouldBe(allowed, $"{from} -> {to}");
        if (allowed)
        {
            PaymentTransitions.RefusalReason(from, to).ShouldBeNull();
        }
        else
        {
            PaymentTransitions.RefusalReason(from, to).ShouldNotBeNullOrWhiteSpace();
        }
    }

    [Fact]
    public void the_table_has_nine_moves_out_of_thirty_six_pairs() =>
        Enum.GetValues<PaymentStatus>().SelectMany(from => Enum.GetValues<PaymentStatus>(), PaymentTransitions.IsAllowed).Count(allowed => allowed).ShouldBe(9);

    [Fact]
    public void nothing_moves_backwards() => (
        PaymentTransitions.IsAllowed(PaymentStatus.Captured, PaymentStatus.Authorized),
        PaymentTransitions.IsAllowed(PaymentStatus.Completed, PaymentStatus.Failed),
        PaymentTransitions.IsAllowed(PaymentStatus.Completed, PaymentStatus.Captured),
        PaymentTransitions.IsAllowed(PaymentStatus.Captured, PaymentStatus.Failed),
        PaymentTransitions.IsAllowed(PaymentStatus.Failed, PaymentStatus.Pending))
        .ShouldBe((false, false, false, false, false));

    [Fact]
    public void refunded_payment_never_moves_again()
    {
        foreach (var to in Enum.GetValues<PaymentStatus>())
        {
            PaymentTransitions.IsAllowed(PaymentStatus.Refunded, to).ShouldBeFalse();
        }

        PaymentTransitions.RefusalReason(PaymentStatus.Refunded, PaymentStatus.Completed).ShouldBe("a refunded payment never moves again");
    }

    [Fact]
    public void money_really_taken_after_a_failure_still_counts() =>
        PaymentTransitions.IsAllowed(PaymentStatus.Failed, PaymentStatus.Captured).ShouldBeTrue();

    [Fact]
    public void status_names_round_trip()
    {
        foreach (var status in Enum.GetValues<PaymentStatus>())
        {
            PaymentStatusNames.Parse(status.ToName()).ShouldBe(status);
        }

        PaymentStatus.Completed.ToName().ShouldBe("completed");
        Should.Throw<ArgumentOutOfRangeException>(() => PaymentStatusNames.Parse("COMPLETED"));
    }
}
