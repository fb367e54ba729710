namespace CareForAll.Campaigns.Domain;

/// <summary>
/// The campaign state machine of ARCHITECTURE.md section 6, with who may make each move. Anything not listed is
/// refused; closed campaigns never move again. The platform's own moves (the closing job) are not requests and
/// are listed in <see cref="ClosingMoves"/>.
/// </summary>
internal static class CampaignTransitions
{
    private sealed record Move(string From, string To, CallerRoles AllowedTo, CallerRoles NeedReason);

    private static readonly Move[] Moves =
    [
        // An admin approves a draft.
        new(CampaignStatus.Draft, CampaignStatus.Active, CallerRoles.Admin, CallerRoles.None),
        // An admin rejects a draft (with a reason), or its organiser withdraws it.
        new(CampaignStatus.Draft, CampaignStatus.Cancelled, CallerRoles.Admin | CallerRoles.Organizer, CallerRoles.Admin),
        // The organiser or an admin closes an active campaign.
        new(CampaignStatus.Active, CampaignStatus.Completed, CallerRoles.Admin | CallerRoles.Organizer, CallerRoles.None),
        // Only an admin cancels an active campaign, and says why.
        new(CampaignStatus.Active, CampaignStatus.Cancelled, CallerRoles.Admin, CallerRoles.Admin),
    ];

    /// <summary>Moves made by the platform when an active campaign's end date passes.</summary>
    public static readonly IReadOnlyList<(string From, string To)> ClosingMoves =
    [
        (CampaignStatus.Active, CampaignStatus.Completed),
        (CampaignStatus.Active, CampaignStatus.Expired),
    ];

    /// <summary>Whether <paramref name="roles"/> may move a campaign from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static TransitionOutcome Decide(string from, string to, CallerRoles roles, string? reason)
    {
        var move = Array.Find(Moves, m => m.From == from && m.To == to);
        var permitting = move is null ? CallerRoles.None : move.AllowedTo & roles;
        if (permitting == CallerRoles.None)
        {
            return TransitionOutcome.Refused;
        }

        // A reason is needed only when every role that permits the move asks for one: an admin withdrawing
        // their own draft does so as its organiser.
        var reasonNeeded = (permitting & ~move!.NeedReason) == CallerRoles.None;
        return reasonNeeded && string.IsNullOrWhiteSpace(reason) ? TransitionOutcome.ReasonRequired : TransitionOutcome.Allowed;
    }

    /// <summary>The statuses <paramref name="roles"/> may move a campaign to from <paramref name="from"/>, for error details.</summary>
    public static IReadOnlyList<string> AllowedTargets(string from, CallerRoles roles) =>
        [.. Moves.Where(m => m.From == from && (m.AllowedTo & roles) != CallerRoles.None).Select(m => m.To)];

    /// <summary>The event a move to <paramref name="to"/> emits.</summary>
    public static string EventTypeFor(string to) => to switch
    {
        CampaignStatus.Active => Events.CampaignEventTypes.Activated,
        CampaignStatus.Completed => Events.CampaignEventTypes.Completed,
        CampaignStatus.Expired => Events.CampaignEventTypes.Expired,
        CampaignStatus.Cancelled => Events.CampaignEventTypes.Cancelled,
        _ => throw new ArgumentOutOfRangeException(nameof(to), to, "No campaign moves into this status."),
    };
}
