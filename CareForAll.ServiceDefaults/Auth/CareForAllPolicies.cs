namespace CareForAll.ServiceDefaults.Auth;

/// <summary>Authorization policy names registered by <c>AddCareForAllAuthentication</c>.</summary>
public static class CareForAllPolicies
{
    /// <summary>An authenticated user with role <c>ADMIN</c>.</summary>
    public const string Admin = "CareForAll.Admin";
}
