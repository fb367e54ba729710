namespace CareForAll.Identity.Users;

/// <summary>Settings under <c>Identity:FirstAdmin</c>, passed by the AppHost from secret parameters.</summary>
internal sealed class FirstAdminOptions
{
    public const string SectionName = "Identity:FirstAdmin";

    public string? Email { get; set; }

    public string? Password { get; set; }

    public string? FirstName { get; set; } = "Platform";

    public string? LastName { get; set; } = "Admin";
}
