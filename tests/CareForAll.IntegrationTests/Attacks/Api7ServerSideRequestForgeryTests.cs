using System.Net;
using CareForAll.IntegrationTests.Donations;

namespace CareForAll.IntegrationTests.Attacks;

/// <summary>
/// API7:2023 Server Side Request Forgery: the only addresses a user hands the platform (a campaign's image and
/// documents, a profile's avatar) must be plain http(s) links, never another scheme that a server or the donor's
/// browser would act on, and they are stored, not fetched.
/// </summary>
[Collection(SharedPlatform.Name)]
public sealed class Api7ServerSideRequestForgeryTests(PlatformFixture platform) : IDisposable
{
    private const string Owasp = "API7 server side request forgery";

    private static readonly string[] Addresses =
    [
        "file:///etc/passwd", "gopher://127.0.0.1:6379/_FLUSHALL", "javascript:alert(document.domain)", "data:text/html,<script>alert(1)</script>",
        "ftp://10.0.0.1/secret", "//169.254.169.254/latest/meta-data/", "\\\\evil.example\\share", "http://", "jar:file:///tmp/x!/",
    ];

    private readonly DonationDriver _driver = new(platform, subnet: 207);
    private readonly CancellationToken _ct = new CancellationTokenSource(TimeSpan.FromMinutes(3)).Token;

    [Fact]
    public async Task addresses_of_other_schemes_are_refused_wherever_a_user_gives_one()
    {
        var organizer = await _driver.VerifiedUserAsync("ssrf-organiser", _ct);
        var client = _driver.NewClient();
        var created = await AttackHttp.SendAsync(client, HttpMethod.Post, "/api/campaigns", new
        {
            title = "Wheelchair for Jamal",
            description = "A wheelchair and a year of physiotherapy for Jamal after his accident.",
            campaignType = "medical",
            goalAmount = 30_000m,
            endDate = DateTimeOffset.UtcNow.AddDays(12),
            imageUrl = "https://images.example/jamal.jpg",
        }, organizer.AccessToken, ct: _ct);
        created.Status.ShouldBe(HttpStatusCode.Created, created.ToString());
        var campaignId = Guid.Parse(created.Body["data"]!["id"]!.GetValue<string>());

        foreach (var address in Addresses)
        {
            await AttackLedger.TryAsync(Owasp, $"a campaign image, document and avatar at {address}", async () =>
            {
                var title = $"SSRF {Guid.NewGuid():N}";
                (await AttackHttp.SendAsync(client, HttpMethod.Post, "/api/campaigns", new
                {
                    title, description = "A campaign whose image points somewhere it must not.", campaignType = "medical", goalAmount = 1000m,
                    endDate = DateTimeOffset.UtcNow.AddDays(12), imageUrl = address,
                }, organizer.AccessToken, ct: _ct)).ShouldBeRefused(HttpStatusCode.BadRequest);
                (await AttackHttp.SendAsync(client, HttpMethod.Post, "/api/campaigns", new
                {
                    title, description = "A campaign whose document points somewhere it must not.", campaignType = "medical", goalAmount = 1000m,
                    endDate = DateTimeOffset.UtcNow.AddDays(12), documents = new[] { new { name = "Prescription", url = address } },
                }, organizer.AccessToken, ct: _ct)).ShouldBeRefused(HttpStatusCode.BadRequest);
                (await platform.CountAsync("campaignsdb", "SELECT count(*) FROM campaigns.campaigns WHERE title = @title", new { title }, _ct)).ShouldBe(0);

                (await AttackHttp.SendAsync(client, HttpMethod.Put, $"/api/campaigns/{campaignId}", new { imageUrl = address }, organizer.AccessToken, ct: _ct))
                    .ShouldBeRefused(HttpStatusCode.BadRequest);
                (await platform.ScalarAsync<string>("campaignsdb", "SELECT image_url FROM campaigns.campaigns WHERE id = @campaignId", new { campaignId }, _ct))
                    .ShouldBe("https://images.example/jamal.jpg");

                (await AttackHttp.SendAsync(client, HttpMethod.Put, "/api/auth/profile", new { avatarUrl = address }, organizer.AccessToken, ct: _ct))
                    .ShouldBeRefused(HttpStatusCode.BadRequest);
                (await platform.CountAsync("identitydb", "SELECT count(*) FROM auth.user_profiles WHERE user_id = @id AND avatar_url = @address",
                    new { id = organizer.UserId, address }, _ct)).ShouldBe(0);
            });
        }
    }

    public void Dispose() => _driver.Dispose();
}
