namespace CareForAll.Campaigns.Domain;

/// <summary>The answer to "may this caller move this campaign from one status to another".</summary>
internal enum TransitionOutcome
{
    Allowed,

    /// <summary>The move is allowed to this caller, but only with a reason (an admin cancelling or rejecting).</summary>
    ReasonRequired,

    Refused,
}
