using CareForAll.IntegrationTests.Donations;
using Microsoft.Playwright;
using static CareForAll.IntegrationTests.Browser.WebAppDriver;
using static Microsoft.Playwright.Assertions;

namespace CareForAll.IntegrationTests.Browser;

/// <summary>The web app in a real browser, through the gateway, against the whole platform and the SSLCommerz sandbox.</summary>
[Collection(SharedPlatform.Name)]
public sealed class WebAppTests(PlatformFixture platform) : IDisposable
{
    private readonly DonationDriver _driver = new(platform, subnet: 70);
    private readonly CancellationToken _ct = new CancellationTokenSource(TimeSpan.FromMinutes(4)).Token;

    public void Dispose() => _driver.Dispose();

    [Fact]
    public async Task a_guest_gives_with_bkash_and_another_browser_already_on_the_campaign_sees_the_total_rise()
    {
        var campaignId = await _driver.ActiveCampaignAsync(_ct);
        await using var watcher = await platform.NewBrowserSessionAsync(Viewports.Desktop);
        await using var donor = await platform.NewBrowserSessionAsync(Viewports.Phone);

        await watcher.RunAsync(async page =>
        {
            await page.GotoAsync($"/campaigns/{campaignId}");
            await ExpectRaisedAsync(page, 0m);
            // A mark on the page itself: if the page reloaded to show the new total, the mark would be gone.
            await page.EvaluateAsync("() => { window.__stillTheSamePage = true; }");
        });

        await donor.RunAsync(async page =>
        {
            await GoToCheckoutAsGuestAsync(page, campaignId, 750m, Api.NewEmail("guest"));
            await CheckoutAsync(page, "Pay", method: "bKash");
            await ExpectPaymentStatusAsync(page, "completed");
            await Expect(page.GetByTestId("payment-status")).ToContainTextAsync("Thank you");
        });

        await watcher.RunAsync(async page =>
        {
            await ExpectRaisedAsync(page, 750m);
            (await page.EvaluateAsync<bool>("() => window.__stillTheSamePage === true")).ShouldBeTrue("the total rose without a reload");
            await Expect(page.GetByTestId("donor-count")).ToContainTextAsync("1");
        });
    }

    [Fact]
    public async Task a_double_click_on_donate_and_a_reload_of_the_result_page_make_one_pledge_and_one_payment()
    {
        var campaignId = await _driver.ActiveCampaignAsync(_ct);
        await using var donor = await platform.NewBrowserSessionAsync(Viewports.Phone);

        await donor.RunAsync(async page =>
        {
            await GoToCheckoutAsGuestAsync(page, campaignId, 300m, Api.NewEmail("guest"), doubleClick: true);
            await CheckoutAsync(page, "Pay");
            await ExpectPaymentStatusAsync(page, "completed");
            await page.ReloadAsync();
            await ExpectPaymentStatusAsync(page, "completed");
        });

        var pledgeIds = await platform.QueryAsync<Guid>("pledgesdb",
            "SELECT id FROM pledges.pledges WHERE campaign_id = @campaignId", new { campaignId }, _ct);
        pledgeIds.Count.ShouldBe(1);
        (await platform.CountAsync("paymentsdb", "SELECT count(*) FROM payments.payments WHERE pledge_id = ANY(@ids)",
            new { ids = pledgeIds.ToArray() }, _ct)).ShouldBe(1);
        await _driver.WaitForRaisedAsync(campaignId, 300m, _ct);
    }

    [Fact]
    public async Task a_registered_donor_signs_in_gives_anonymously_finds_it_under_my_donations_and_the_wall_names_nobody()
    {
        var campaignId = await _driver.ActiveCampaignAsync(_ct);
        var donorSession = await _driver.NewUserAsync("donor", _ct);
        // A named guest on the same wall, so the wall is shown to name donors who asked to be named.
        var named = await _driver.GuestPledgeAsync(campaignId, 100m, _ct);
        await _driver.CompleteAsync(named, _ct);
        await using var donor = await platform.NewBrowserSessionAsync(Viewports.Desktop);

        await donor.RunAsync(async page =>
        {
            await page.GotoAsync($"/signin?returnTo=/campaigns/{campaignId}/donate");
            await page.GetByLabel("Email").FillAsync(donorSession.Email);
            await page.GetByLabel("Password").FillAsync(Api.DefaultPassword);
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
            await page.WaitForURLAsync($"**/campaigns/{campaignId}/donate");

            await FillAmountAsync(page, 1200m);
            await page.GetByLabel("Donate anonymously").CheckAsync();
            await SubmitDonationAsync(page);
            await CheckoutAsync(page, "Pay", method: "Nagad");
            await ExpectPaymentStatusAsync(page, "completed");

            await page.GotoAsync("/me/donations");
            var mine = page.GetByRole(AriaRole.Main);
            await Expect(mine).ToContainTextAsync("Dialysis for Rahim", new() { Timeout = (float)Settles.TotalMilliseconds });
            await Expect(mine).ToContainTextAsync(Taka(1200m));

            await page.GotoAsync($"/campaigns/{campaignId}");
            var wall = page.GetByRole(AriaRole.Region, new() { Name = "Donor wall" });
            await Expect(wall).ToContainTextAsync(Taka(1200m), new() { Timeout = (float)Settles.TotalMilliseconds });
            await Expect(wall).ToContainTextAsync("Anonymous");
            await Expect(wall).ToContainTextAsync("Karim");
            await Expect(wall).Not.ToContainTextAsync(donorSession.Email);
        });
    }

    [Fact]
    public async Task an_organiser_creates_a_campaign_an_admin_approves_it_in_the_panel_and_donors_find_it_in_search()
    {
        var organiser = await _driver.VerifiedUserAsync("organiser", _ct);
        var admin = await _driver.AdminAsync(_ct);
        var title = $"School books for Sylhet {Guid.NewGuid():N}"[..40];
        await using var organiserBrowser = await platform.NewBrowserSessionAsync(Viewports.Desktop);
        await using var adminBrowser = await platform.NewBrowserSessionAsync(Viewports.Desktop);
        await using var donorBrowser = await platform.NewBrowserSessionAsync(Viewports.Phone);

        await organiserBrowser.RunAsync(async page =>
        {
            await SignInWithAsync(page, organiser);
            await page.GotoAsync("/me/campaigns/new");
            await page.GetByLabel("Title").FillAsync(title);
            await page.GetByLabel("Description").FillAsync(
                "Flood waters took the school's library; 300 children need their textbooks back before the exams.");
            await page.GetByLabel("Campaign type").SelectOptionAsync("education");
            await page.GetByLabel("Goal amount", new() { Exact = false }).FillAsync("250000");
            await page.GetByLabel("Beneficiary name").FillAsync("Sylhet Government Primary School");
            await page.GetByLabel("End date").FillAsync(DateTime.UtcNow.AddDays(60).ToString("yyyy-MM-dd"));
            await page.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("draft", new() { IgnoreCase = true });
        });

        await adminBrowser.RunAsync(async page =>
        {
            await SignInWithAsync(page, admin, role: "ADMIN");
            await page.GotoAsync("/admin/approvals");
            var item = page.GetByTestId("approval-item").Filter(new() { HasText = title });
            await item.GetByRole(AriaRole.Button, new() { Name = "Approve", Exact = true }).ClickAsync();
            await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Confirm approval" }).ClickAsync();
            await Expect(page.GetByTestId("approval-item").Filter(new() { HasText = title })).ToHaveCountAsync(0);
        });

        await donorBrowser.RunAsync(async page =>
        {
            await page.GotoAsync("/campaigns");
            await page.GetByRole(AriaRole.Searchbox).FillAsync(title);
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = title })).ToBeVisibleAsync(new() { Timeout = (float)Settles.TotalMilliseconds });
        });
    }

    [Fact]
    public async Task an_admin_refunds_a_donation_the_total_falls_and_the_audit_log_shows_it()
    {
        var campaignId = await _driver.ActiveCampaignAsync(_ct);
        var pledge = await _driver.GuestPledgeAsync(campaignId, 900m, _ct);
        var payment = await _driver.CompleteAsync(pledge, _ct);
        await _driver.WaitForRaisedAsync(campaignId, 900m, _ct);
        var admin = await _driver.AdminAsync(_ct);
        await using var adminBrowser = await platform.NewBrowserSessionAsync(Viewports.Desktop);

        await adminBrowser.RunAsync(async page =>
        {
            await SignInWithAsync(page, admin, role: "ADMIN");
            await page.GotoAsync("/admin/payments");
            var row = page.GetByTestId("payment-row").Filter(new() { HasText = payment.TranId });
            await row.GetByRole(AriaRole.Button, new() { NameRegex = new("^Refund") }).ClickAsync();
            var dialog = page.GetByRole(AriaRole.Dialog);
            var reason = $"The family received government support ({Guid.NewGuid():N})";
            await dialog.GetByLabel("Reason for the refund").FillAsync(reason);
            await dialog.GetByRole(AriaRole.Button, new() { Name = "Confirm refund" }).ClickAsync();

            await _driver.WaitForPaymentStatusAsync(payment.Id, "refunded", _ct);
            await page.GotoAsync($"/campaigns/{campaignId}");
            await ExpectRaisedAsync(page, 0m);

            await page.GotoAsync("/admin/audit-log");
            // The admin service writes the entry from the refund's event: the page is read again until it is there.
            var entry = page.GetByTestId("audit-row").Filter(new() { HasText = reason });
            await Eventually.UntilAsync(async () =>
            {
                await page.ReloadAsync();
                await Expect(page.GetByTestId("audit-row").First).ToBeVisibleAsync();
                return await entry.CountAsync() == 1;
            }, Settles, "the refund appears in the audit log", TimeSpan.FromSeconds(1));
            await Expect(entry).ToContainTextAsync("Refund payment", new() { IgnoreCase = true });
            await adminBrowser.ScreenshotForDocsAsync("admin-audit-log-desktop");
        });
    }

    [Fact]
    public async Task a_failed_and_a_cancelled_payment_each_end_on_a_clear_result_page_and_the_total_does_not_move()
    {
        var campaignId = await _driver.ActiveCampaignAsync(_ct);
        await using var donor = await platform.NewBrowserSessionAsync(Viewports.Phone);

        await donor.RunAsync(async page =>
        {
            await GoToCheckoutAsGuestAsync(page, campaignId, 400m, Api.NewEmail("guest"));
            await CheckoutAsync(page, "Fail");
            await ExpectPaymentStatusAsync(page, "failed");
            await Expect(page.GetByTestId("payment-status")).ToContainTextAsync("Nothing was charged");

            await GoToCheckoutAsGuestAsync(page, campaignId, 500m, Api.NewEmail("guest"));
            await CheckoutAsync(page, "Cancel");
            await ExpectPaymentStatusAsync(page, "cancelled");
            await Expect(page.GetByTestId("payment-status")).ToContainTextAsync("cancelled", new() { IgnoreCase = true });

            await page.GotoAsync($"/campaigns/{campaignId}");
            await ExpectRaisedAsync(page, 0m);
        });

        var statuses = await platform.QueryAsync<string>("pledgesdb",
            "SELECT status FROM pledges.pledges WHERE campaign_id = @campaignId", new { campaignId }, _ct);
        statuses.Count.ShouldBe(2);
        // Both pledges have settled as failed, so no later event can still move the total.
        await Eventually.UntilAsync(async () => (await platform.QueryAsync<string>("pledgesdb",
                "SELECT status FROM pledges.pledges WHERE campaign_id = @campaignId", new { campaignId }, _ct)).All(s => s == "failed"),
            DonationDriver.Deadline, "both pledges failed");
        (await _driver.RaisedAsync(campaignId, _ct)).ShouldBe(0m);
    }

    [Fact]
    public async Task a_session_that_ends_sends_the_organiser_to_sign_in_and_back_to_the_form_they_were_filling_in()
    {
        var organiser = await _driver.VerifiedUserAsync("organiser", _ct);
        var title = $"Winter blankets for Rangpur {Guid.NewGuid():N}"[..36];
        await using var browser = await platform.NewBrowserSessionAsync(Viewports.Phone);

        await browser.RunAsync(async page =>
        {
            await SignInWithAsync(page, organiser);
            await page.GotoAsync("/me/campaigns/new");
            await page.GetByLabel("Title").FillAsync(title);
            await page.GetByLabel("Description").FillAsync("Night temperatures fall to 6 °C; 500 families sleep without a blanket.");
            await page.GetByLabel("Campaign type").SelectOptionAsync("emergency");
            await page.GetByLabel("Goal amount", new() { Exact = false }).FillAsync("150000");
            await page.GetByLabel("End date").FillAsync(DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd"));

            // The session ends elsewhere (signed out on another device): this access token is refused from now on,
            // and so is the refresh token the page holds.
            var (status, body, _) = await Api.SendAsync(_driver.NewClient(), HttpMethod.Post, "/api/auth/logout",
                new { refreshToken = organiser.RefreshToken }, organiser.AccessToken, _ct);
            status.ShouldBe(System.Net.HttpStatusCode.OK, body.ToJsonString());

            await page.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
            await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex(@"/signin\?.*reason=expired"));
            await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("Your session ended");

            await page.GetByLabel("Email").FillAsync(organiser.Email);
            await page.GetByLabel("Password").FillAsync(Api.DefaultPassword);
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
            await page.WaitForURLAsync("**/me/campaigns/new");
            await Expect(page.GetByLabel("Title")).ToHaveValueAsync(title);
            await Expect(page.GetByLabel("Goal amount", new() { Exact = false })).ToHaveValueAsync("150000");
        });

        (await platform.CountAsync("campaignsdb", "SELECT count(*) FROM campaigns.campaigns WHERE title = @title", new { title }, _ct))
            .ShouldBe(0, "nothing was saved by the refused request");
    }

    [Theory]
    [InlineData("phone")]
    [InlineData("desktop")]
    public async Task the_donor_pages_have_no_serious_or_critical_accessibility_violations(string width)
    {
        var viewport = width == "phone" ? Viewports.Phone : Viewports.Desktop;
        var campaignId = await _driver.ActiveCampaignAsync(_ct);
        var pledge = await _driver.GuestPledgeAsync(campaignId, 2500m, _ct);
        await _driver.CompleteAsync(pledge, _ct);
        await _driver.WaitForRaisedAsync(campaignId, 2500m, _ct);
        await using var donor = await platform.NewBrowserSessionAsync(viewport);

        await donor.RunAsync(async page =>
        {
            await RecordCampaignFirstRenderAsync(page, campaignId, viewport);

            // Each page is checked once its content (not its loading state) is on screen; each also becomes a
            // screenshot for the README when the run is asked for them.
            (string Path, string Name, Func<Task> Ready)[] pages =
            [
                ("/", "home", () => Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync()),
                ("/campaigns", "campaigns", () => Expect(page.GetByRole(AriaRole.Link, new() { Name = "Dialysis for Rahim" }).First).ToBeVisibleAsync()),
                ($"/campaigns/{campaignId}", "campaign", () => ExpectRaisedAsync(page, 2500m)),
                ($"/campaigns/{campaignId}/donate", "donate", () => Expect(page.GetByRole(AriaRole.Button, new() { NameRegex = new("^Donate") })).ToBeVisibleAsync()),
                ("/signin", "sign-in", () => Expect(page.GetByLabel("Password")).ToBeVisibleAsync()),
                ("/register", "register", () => Expect(page.GetByLabel("Password")).ToBeVisibleAsync()),
                ("/donations/guest/request", "guest-history-request", () => Expect(page.GetByLabel("Email")).ToBeVisibleAsync()),
            ];
            foreach (var (path, name, ready) in pages)
            {
                await page.GotoAsync(path);
                await ready();
                await donor.ShouldBeAccessibleAsync();
                await donor.ScreenshotForDocsAsync($"{name}-{viewport.Name}");
            }

            // The same pages in Bangla: another script, other text lengths, the same rules.
            await page.GetByLabel("Language").SelectOptionAsync("bn");
            await page.GotoAsync($"/campaigns/{campaignId}");
            await Expect(page.GetByTestId("raised-amount")).ToHaveTextAsync("৳২,৫০০.০০", new() { Timeout = (float)Settles.TotalMilliseconds });
            await donor.ShouldBeAccessibleAsync();
            await donor.ScreenshotForDocsAsync($"campaign-bangla-{viewport.Name}");
            donor.ShouldHaveNoErrors();
        });
    }

    /// <summary>
    /// A donor arriving from a shared link, with nothing cached: when the first paint and the campaign's raised
    /// figure appeared. Written beside the test results for the record; the page must get there either way.
    /// </summary>
    private static async Task RecordCampaignFirstRenderAsync(IPage page, Guid campaignId, BrowserViewport viewport)
    {
        await page.GotoAsync($"/campaigns/{campaignId}");
        await Expect(page.GetByTestId("raised-amount")).ToBeVisibleAsync();
        var timings = await page.EvaluateAsync<System.Text.Json.JsonElement>("""
            () => {
              const paint = performance.getEntriesByName('first-contentful-paint')[0];
              const nav = performance.getEntriesByType('navigation')[0];
              return {
                // When the test saw the figure, so an upper bound by the polling interval of the wait.
                raisedVisibleMs: Math.round(performance.now()),
                firstContentfulPaintMs: paint ? Math.round(paint.startTime) : null,
                domContentLoadedMs: nav ? Math.round(nav.domContentLoadedEventEnd) : null,
                loadMs: nav ? Math.round(nav.loadEventEnd) : null,
                transferredBytes: performance.getEntriesByType('resource').reduce((sum, r) => sum + (r.transferSize || 0), nav ? nav.transferSize : 0),
              };
            }
            """);
        timings.GetProperty("firstContentfulPaintMs").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Number, "the page painted");
        Directory.CreateDirectory(BrowserArtifacts.FailureDirectory);
        await File.WriteAllTextAsync(Path.Combine(BrowserArtifacts.FailureDirectory, $"campaign-first-render-{viewport.Name}.json"), timings.GetRawText());
    }
}
