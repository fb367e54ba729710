namespace CareForAll.Campaigns.Domain;

/// <summary>
/// What may change in which status. A draft is the organiser's to shape. Once active, people have given against
/// its goal, type, beneficiary and start, so those are fixed; the story (title, description, image, documents)
/// and the end date may still change. A closed campaign is history.
/// </summary>
internal static class CampaignEditRules
{
    public static readonly IReadOnlyList<string> FixedOnceActive =
    [
        CampaignFields.GoalAmount,
        CampaignFields.CampaignType,
        CampaignFields.BeneficiaryName,
        CampaignFields.BeneficiaryDetails,
        CampaignFields.StartDate,
    ];

    /// <summary>Checks the fields an edit would really change (unchanged values sent back are not edits).</summary>
    /// <returns>The outcome, and for <see cref="EditOutcome.TermsFixed"/> the fixed fields it touches.</returns>
    public static (EditOutcome Outcome, IReadOnlyList<string> FixedFields) Check(string status, IReadOnlyCollection<string> changedFields)
    {
        if (CampaignStatus.IsClosed(status))
        {
            return (EditOutcome.Closed, []);
        }

        if (status == CampaignStatus.Active)
        {
            string[] touched = [.. FixedOnceActive.Where(changedFields.Contains)];
            if (touched.Length > 0)
            {
                return (EditOutcome.TermsFixed, touched);
            }
        }

        return (EditOutcome.Allowed, []);
    }
}
