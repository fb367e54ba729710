using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using CareForAll.IntegrationTests.Donations;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CareForAll.IntegrationTests.Browser;

/// <summary>What a person does in the web app, step by step, as the browser tests need it again and again.</summary>
internal static partial class WebAppDriver
{
    /// <summary>Long enough for a payment to settle and its total to reach every query replica on a busy machine.</summary>
    public static readonly TimeSpan Settles = TimeSpan.FromSeconds(45);

    /// <summary>
    /// Signs the browser in with a session made through the API (the sign-in form is tested once on its own, and
    /// its per-address limit would otherwise be spent by every test from this one loopback address).
    /// </summary>
    public static async Task SignInWithAsync(IPage page, Api.Session session, string role = "USER")
    {
        await page.GotoAsync("/health");
        var stored = JsonSerializer.Serialize(new
        {
            user = new { id = session.UserId, email = session.Email, role, emailVerified = true },
            accessToken = session.AccessToken,
            accessTokenExpiresAt = DateTimeOffset.UtcNow.AddMinutes(14).ToUnixTimeMilliseconds(),
            refreshToken = session.RefreshToken,
        });
        await page.EvaluateAsync("s => localStorage.setItem('careforall.session', s)", stored);
    }

    /// <summary>From the campaign page to SSLCommerz's checkout page, as a guest.</summary>
    public static async Task GoToCheckoutAsGuestAsync(IPage page, Guid campaignId, decimal amount, string email, bool doubleClick = false)
    {
        await page.GotoAsync($"/campaigns/{campaignId}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Donate", Exact = false }).First.ClickAsync();
        await page.WaitForURLAsync($"**/campaigns/{campaignId}/donate");
        await FillAmountAsync(page, amount);
        await page.GetByLabel("Email for your receipt").FillAsync(email);
        await SubmitDonationAsync(page, doubleClick);
    }

    public static async Task FillAmountAsync(IPage page, decimal amount) =>
        await page.GetByLabel("Amount in taka").FillAsync(amount.ToString("0.##", CultureInfo.InvariantCulture));

    public static async Task SubmitDonationAsync(IPage page, bool doubleClick = false)
    {
        var donate = page.GetByRole(AriaRole.Button, new() { NameRegex = DonateButton() });
        if (doubleClick)
        {
            await donate.DblClickAsync();
        }
        else
        {
            await donate.ClickAsync();
        }

        await page.WaitForURLAsync(CheckoutPage(), new() { Timeout = (float)Settles.TotalMilliseconds });
    }

    /// <summary>On the sandbox's hosted page: choose the method and press one of its buttons.</summary>
    public static async Task CheckoutAsync(IPage page, string button, string method = "bKash")
    {
        await page.GetByLabel(method, new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync();
        await page.WaitForURLAsync(ResultPage(), new() { Timeout = (float)Settles.TotalMilliseconds });
    }

    /// <summary>The result page follows the payment until it is final and says so.</summary>
    public static async Task ExpectPaymentStatusAsync(IPage page, string status) =>
        await Expect(page.GetByTestId("payment-status"))
            .ToHaveAttributeAsync("data-status", status, new() { Timeout = (float)Settles.TotalMilliseconds });

    public static async Task ExpectRaisedAsync(IPage page, decimal amount) =>
        await Expect(page.GetByTestId("raised-amount"))
            .ToHaveTextAsync(Taka(amount), new() { Timeout = (float)Settles.TotalMilliseconds });

    /// <summary>"৳1,500.00", as the English pages write an amount.</summary>
    public static string Taka(decimal amount) => "৳" + amount.ToString("#,##0.00", CultureInfo.InvariantCulture);

    [GeneratedRegex("^Donate", RegexOptions.IgnoreCase)]
    private static partial Regex DonateButton();

    [GeneratedRegex("/EasyCheckOut/")]
    private static partial Regex CheckoutPage();

    [GeneratedRegex(@"/donate/result\?")]
    private static partial Regex ResultPage();
}
