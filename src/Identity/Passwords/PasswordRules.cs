using System.Text;

namespace CareForAll.Identity.Passwords;

/// <summary>What a password must be, shared by registration and by the first admin's seeding.</summary>
internal static class PasswordRules
{
    public const int MinimumLength = 8;

    // bcrypt reads only the first 72 bytes; a longer password would silently lose its tail.
    public const int MaximumBytes = 72;

    public static bool FitsBcrypt(string? password) =>
        password is not null && Encoding.UTF8.GetByteCount(password) <= MaximumBytes;
}
