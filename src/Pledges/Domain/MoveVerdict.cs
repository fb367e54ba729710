namespace CareForAll.Pledges.Domain;

/// <summary>What a payment event may do to a pledge's status.</summary>
internal enum MoveVerdict
{
    /// <summary>The pledge already has the status the event implies.</summary>
    Unchanged,

    /// <summary>The implied status is reachable from the current one: move straight to it.</summary>
    Move,

    /// <summary>The implied status is not reachable (e.g. anything after refunded, completed to failed).</summary>
    Refused,
}
