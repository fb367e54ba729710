namespace CareForAll.Identity.Users;

/// <summary>Account status as events and responses name it.</summary>
internal static class UserStatus
{
    public const string Active = "ACTIVE";
    public const string Suspended = "SUSPENDED";

    public static string Of(bool isActive) => isActive ? Active : Suspended;
}
