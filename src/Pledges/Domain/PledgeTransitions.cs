using System.Collections.Frozen;

namespace CareForAll.Pledges.Domain;

/// <summary>
/// The pledge state machine (ARCHITECTURE.md section 6): pending → payment_initiated → completed | failed | refunded,
/// completed → refunded, failed → completed (late success). Nothing else, and nothing ever leaves refunded.
/// </summary>
internal static class PledgeTransitions
{
    private static readonly FrozenDictionary<string, string[]> Moves = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        [PledgeStatus.Pending] = [PledgeStatus.PaymentInitiated],
        [PledgeStatus.PaymentInitiated] = [PledgeStatus.Completed, PledgeStatus.Failed, PledgeStatus.Refunded],
        [PledgeStatus.Completed] = [PledgeStatus.Refunded],
        [PledgeStatus.Failed] = [PledgeStatus.Completed],
        [PledgeStatus.Refunded] = [],
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Whether <paramref name="from"/> → <paramref name="to"/> is one allowed move.</summary>
    public static bool IsAllowed(string from, string to) =>
        Moves.TryGetValue(from, out var next) && next.Contains(to, StringComparer.Ordinal);

    /// <summary>
    /// Whether <paramref name="to"/> can be reached from <paramref name="from"/> through allowed moves. Payment events
    /// arrive out of order, so a pledge may skip the steps whose events are still on their way (pending → completed
    /// when payment.completed overtakes payment.initiated).
    /// </summary>
    public static bool CanReach(string from, string to)
    {
        if (!Moves.ContainsKey(from) || string.Equals(from, to, StringComparison.Ordinal))
        {
            return false;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal) { from };
        var frontier = new Queue<string>([from]);
        while (frontier.TryDequeue(out var status))
        {
            foreach (var next in Moves[status])
            {
                if (string.Equals(next, to, StringComparison.Ordinal))
                {
                    return true;
                }

                if (seen.Add(next))
                {
                    frontier.Enqueue(next);
                }
            }
        }

        return false;
    }

    /// <summary>What a payment event implying <paramref name="target"/> does to a pledge in <paramref name="current"/>.</summary>
    public static MoveVerdict Decide(string current, string target) =>
        string.Equals(current, target, StringComparison.Ordinal) ? MoveVerdict.Unchanged
        : CanReach(current, target) ? MoveVerdict.Move
        : MoveVerdict.Refused;
}
