namespace CareForAll.Payments.Pledges;

/// <summary>The pledges service's success envelope: <c>{ success, data, meta }</c>.</summary>
internal sealed class PledgeEnvelope
{
    public PledgeView? Data { get; init; }
}
