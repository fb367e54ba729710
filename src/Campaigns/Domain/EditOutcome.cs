namespace CareForAll.Campaigns.Domain;

internal enum EditOutcome
{
    Allowed,

    /// <summary>Completed, expired and cancelled campaigns are never edited.</summary>
    Closed,

    /// <summary>The campaign is active and the edit touches terms donors gave against.</summary>
    TermsFixed,
}
