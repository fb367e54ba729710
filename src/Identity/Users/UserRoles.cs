namespace CareForAll.Identity.Users;

/// <summary>The two roles a CareForAll user can hold.</summary>
internal static class UserRoles
{
    public const string User = "USER";
    public const string Admin = "ADMIN";
}
