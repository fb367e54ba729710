using System.Net.Mail;
using System.Text.RegularExpressions;

namespace CareForAll.ServiceDefaults.Api;

/// <summary>
/// How the platform reads an email address, wherever one is typed (an account, a guest's pledge): trimmed,
/// lower-cased, one plain address with a dotted domain. One rule, so a guest's donations and their later account match.
/// </summary>
public static partial class EmailAddress
{
    /// <summary>The longest address accepted.</summary>
    public const int MaximumLength = 254;

    /// <summary>The address as stored and compared.</summary>
    /// <param name="email">A valid address (see <see cref="IsValid"/>).</param>
    public static string Normalize(string email)
    {
        ArgumentNullException.ThrowIfNull(email);
        return email.Trim().ToLowerInvariant();
    }

    /// <summary>Whether <paramref name="email"/> is one plain address with a dotted domain.</summary>
    /// <param name="email">What was typed.</param>
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
