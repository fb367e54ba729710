using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace CareForAll.ServiceDefaults.Auth;

/// <summary>
/// Signed, expiring tokens that open one thing for a guest who has no account: a pledge and its payment (given in
/// the pledge's answer), or later a donor's history (sent to their email). HMAC-SHA256 with <c>Auth:GuestTokenKey</c>,
/// a secret shared by the services that issue and accept them. A token names its purpose, so one kind never
/// opens another.
/// </summary>
public sealed class GuestAccessTokens
{
    /// <summary>The header a guest sends a pledge token in.</summary>
    public const string PledgeTokenHeader = "X-Pledge-Token";

    /// <summary>The purpose of a token that opens one pledge and its payment.</summary>
    public const string PledgePurpose = "pledge";

    /// <summary>The purpose of a token that opens every donation made with one email address (the emailed history link).</summary>
    public const string DonorHistoryPurpose = "donor-history";

    /// <summary>The header a guest sends their donor-history token in.</summary>
    public const string DonorHistoryTokenHeader = "X-Donor-History-Token";

    /// <summary>The header a guest sends the email address their donor-history token was issued for.</summary>
    public const string DonorEmailHeader = "X-Donor-Email";

    const string Version = "g1";
    readonly byte[] _key;
    readonly TimeProvider _clock;

    /// <summary>Creates the token service from <c>Auth:GuestTokenKey</c>.</summary>
    /// <param name="options">The auth settings.</param>
    /// <param name="clock">The clock expiry is checked against.</param>
    public GuestAccessTokens(IOptions<CareForAllAuthOptions> options, TimeProvider clock)
        : this(options?.Value.GuestTokenKey ?? throw new ArgumentNullException(nameof(options)), clock)
    {
    }

    /// <summary>Creates the token service from a key.</summary>
    /// <param name="key">At least 32 characters of secret.</param>
    /// <param name="clock">The clock expiry is checked against.</param>
    public GuestAccessTokens(string? key, TimeProvider clock)
    {
        if (string.IsNullOrEmpty(key) || key.Length < 32)
        {
            throw new InvalidOperationException("Auth:GuestTokenKey must be set to a secret of at least 32 characters.");
        }

        _key = Encoding.UTF8.GetBytes(key);
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
    }

    /// <summary>Issues a token for <paramref name="subject"/> under <paramref name="purpose"/>.</summary>
    /// <param name="purpose">What the token opens, e.g. <see cref="PledgePurpose"/>.</param>
    /// <param name="subject">Which one (a pledge id, an email address); not carried in the token, only checked.</param>
    /// <param name="lifetime">How long it works.</param>
    public string Issue(string purpose, string subject, TimeSpan lifetime)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(purpose);
        ArgumentNullException.ThrowIfNull(subject);
        var expires = _clock.GetUtcNow().Add(lifetime).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return $"{Version}.{expires}.{Sign(purpose, subject, expires)}";
    }

    /// <summary>Whether <paramref name="token"/> is a live token for exactly this purpose and subject.</summary>
    /// <param name="token">The presented token (may be null or garbage).</param>
    /// <param name="purpose">The purpose required.</param>
    /// <param name="subject">The subject required.</param>
    public bool IsValid(string? token, string purpose, string subject)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(purpose);
        ArgumentNullException.ThrowIfNull(subject);
        if (string.IsNullOrEmpty(token) || token.Length > 256)
        {
            return false;
        }

        var parts = token.Split('.');
        if (parts.Length != 3 || parts[0] != Version
            || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var expires)
            || expires <= _clock.GetUtcNow().ToUnixTimeSeconds())
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Sign(purpose, subject, parts[1]));
        var presented = Encoding.ASCII.GetBytes(parts[2]);
        return CryptographicOperations.FixedTimeEquals(expected, presented);
    }

    /// <summary>A token that opens one pledge and its payment.</summary>
    /// <param name="pledgeId">The pledge.</param>
    /// <param name="lifetime">How long it works.</param>
    public string IssueForPledge(Guid pledgeId, TimeSpan lifetime) => Issue(PledgePurpose, pledgeId.ToString("N"), lifetime);

    /// <summary>Whether <paramref name="token"/> opens <paramref name="pledgeId"/>.</summary>
    /// <param name="token">The presented token.</param>
    /// <param name="pledgeId">The pledge asked for.</param>
    public bool OpensPledge(string? token, Guid pledgeId) => IsValid(token, PledgePurpose, pledgeId.ToString("N"));

    /// <summary>A token that opens the donation history of <paramref name="email"/> (compared case-insensitively).</summary>
    /// <param name="email">The donor's email address.</param>
    /// <param name="lifetime">How long the link works.</param>
    public string IssueForDonorHistory(string email, TimeSpan lifetime) => Issue(DonorHistoryPurpose, NormalizeEmail(email), lifetime);

    /// <summary>Whether <paramref name="token"/> opens the donation history of <paramref name="email"/>.</summary>
    /// <param name="token">The presented token.</param>
    /// <param name="email">The email address presented with it.</param>
    public bool OpensDonorHistory(string? token, string? email) =>
        !string.IsNullOrWhiteSpace(email) && IsValid(token, DonorHistoryPurpose, NormalizeEmail(email));

    static string NormalizeEmail(string email)
    {
        ArgumentNullException.ThrowIfNull(email);
        return email.Trim().ToLowerInvariant();
    }

    string Sign(string purpose, string subject, string expires)
    {
        var mac = HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes($"{Version}\n{purpose}\n{subject}\n{expires}"));
        return Base64Url.EncodeToString(mac);
    }
}
