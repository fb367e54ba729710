using CareForAll.Campaigns.Domain;

namespace CareForAll.Campaigns.Features.Contributions.Record;

/// <summary>Refuses pledge events whose money campaigns cannot count, saying why.</summary>
internal static class PledgeEventCheck
{
    public static string? ProblemWith(PledgeEvent pledge) => pledge switch
    {
        { PledgeId: var id } when id == Guid.Empty => "it has no pledge id",
        { CampaignId: var id } when id == Guid.Empty => "it has no campaign id",
        { Amount: <= 0 } => "its amount is not positive",
        { Amount: > CampaignRules.MaxGoalAmount } => "its amount is out of range",
        { Currency: not null and not CampaignRules.Currency } => $"its currency is {pledge.Currency}, not {CampaignRules.Currency}",
        _ => null,
    };
}
