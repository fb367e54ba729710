using CareForAll.ServiceDefaults.Auth;

namespace CareForAll.Notifications.Features.GuestLinks;

/// <summary>
/// The link that opens a guest's donation history: <c>{PublicBaseUrl}/donations/guest#email=…&amp;token=…</c>. Both
/// travel in the fragment, which the browser keeps to itself (never sent to a server, never in a Referer); the page
/// sends them as <c>X-Donor-Email</c> and <c>X-Donor-History-Token</c>. The token is signed for that email only.
/// </summary>
internal static class GuestHistoryLink
{
    public static string For(NotificationsOptions options, GuestAccessTokens tokens, string email, TimeSpan lifetime) =>
        options.Link($"/donations/guest#email={Uri.EscapeDataString(email)}&token={Uri.EscapeDataString(tokens.IssueForDonorHistory(email, lifetime))}");
}
