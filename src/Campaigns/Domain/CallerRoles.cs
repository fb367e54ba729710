namespace CareForAll.Campaigns.Domain;

/// <summary>What the caller is to one campaign; an admin who organised it is both.</summary>
[Flags]
internal enum CallerRoles
{
    None = 0,
    Organizer = 1,
    Admin = 2,
}
