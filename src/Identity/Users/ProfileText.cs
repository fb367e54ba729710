namespace CareForAll.Identity.Users;

internal static class ProfileText
{
    /// <summary>Trims optional text; blank becomes null so "no value" is stored one way only.</summary>
    public static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
