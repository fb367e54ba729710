using System.Net.Mail;
using System.Text.RegularExpressions;

namespace CareForAll.Pledges.Domain;

/// <summary>How a donor's email is read: trimmed, lower-cased, one plain address with a dotted domain (as identity reads it).</summary>
internal static partial class EmailAddress
{
    public const int MaximumLength = 254;

    public static string Normalize(string email) => email.Trim().ToLowerInvariant();

    public static bool IsValid(string? email)
    {
        if (string.IsNullOrWhiteSpace(email))
        {
            return false;
        }

        var trimmed = email.Trim();
        if (trimmed.Length > MaximumLength || !Shape().IsMatch(trimmed))
        {
            return false;
        }

        // MailAddress also accepts display names ("Ann <ann@x.org>"); require that it read the bare address back.
        return MailAddress.TryCreate(trimmed, out var parsed)
            && string.Equals(parsed.Address, trimmed, StringComparison.OrdinalIgnoreCase);
    }

    [GeneratedRegex(@"^[^@\s<>()\[\],;:""]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$")]
    private static partial Regex Shape();
}
