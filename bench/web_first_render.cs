// How soon a donor arriving from a shared link sees a campaign page, in headless Chromium (Debian's, driven by
// Playwright), on a running platform (eng/run.sh): each load is a new browser context, so nothing is cached. Prints
// the first contentful paint, when the raised figure was on screen and the bytes transferred, with the medians.
//
//     dotnet run bench/web_first_render.cs [-- --gateway http://localhost:8080 --loads 7]
//
// It creates and approves one campaign as the development admin (the AppHost's development defaults).
#:package Microsoft.Playwright
#:property PublishAot=false
#:property JsonSerializerIsReflectionEnabledByDefault=true
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

var gateway = Argument("--gateway", "http://localhost:8080");
var loads = int.Parse(Argument("--loads", "7"), CultureInfo.InvariantCulture);

using var http = new HttpClient { BaseAddress = new Uri(gateway) };
var campaignId = await ActiveCampaignAsync(http);

using var playwright = await Playwright.CreateAsync();
await using var browser = await playwright.Chromium.LaunchAsync(new()
{
    ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
    Headless = true,
    Args = ["--no-sandbox", "--disable-gpu", "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost , EXCLUDE 127.0.0.1 , EXCLUDE ::1"],
});

foreach (var (name, width, height) in new[] { ("phone", 390, 844), ("desktop", 1280, 800) })
{
    var paints = new List<double>();
    var figures = new List<double>();
    for (var i = 0; i < loads; i++)
    {
        await using var context = await browser.NewContextAsync(new() { BaseURL = gateway, ViewportSize = new() { Width = width, Height = height } });
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/campaigns/{campaignId}");
        await page.WaitForSelectorAsync("[data-testid=raised-amount]");
        var t = await page.EvaluateAsync<double[]>("""
            () => [
              performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? -1,
              performance.now(),
              performance.getEntriesByType('resource').reduce((s, r) => s + (r.transferSize || 0), performance.getEntriesByType('navigation')[0].transferSize),
            ]
            """);
        paints.Add(t[0]);
        figures.Add(t[1]);
        Console.WriteLine($"{name,-7} load {i + 1}: first paint {t[0],5:0} ms, raised figure on screen by {t[1],5:0} ms, {t[2] / 1024,6:0.0} KiB transferred");
    }

    Console.WriteLine($"{name,-7} median: first paint {Median(paints):0} ms, raised figure by {Median(figures):0} ms");
}

static double Median(List<double> values)
{
    var sorted = values.Order().ToList();
    return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
}

string Argument(string name, string fallback)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? args[at + 1] : fallback;
}

static async Task<string> ActiveCampaignAsync(HttpClient http)
{
    var login = await http.PostAsJsonAsync("/api/auth/login", new { email = "admin@careforall.local", password = "CareForAll-Admin-2026" });
    login.EnsureSuccessStatusCode();
    var token = (await login.Content.ReadFromJsonAsync<JsonNode>())!["data"]!["accessToken"]!.GetValue<string>();
    http.DefaultRequestHeaders.Authorization = new("Bearer", token);

    using var create = new HttpRequestMessage(HttpMethod.Post, "/api/campaigns")
    {
        Content = JsonContent.Create(new
        {
            title = "Clean water for Khulna",
            description = "Cyclone Remal salted the wells of three villages; every taka buys filters and a new tube well.",
            campaignType = "emergency",
            goalAmount = 500000m,
            currency = "BDT",
            endDate = DateTimeOffset.UtcNow.AddDays(60),
            beneficiaryName = "Dacope Union Parishad",
        }),
    };
    create.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
    var created = await http.SendAsync(create);
    created.EnsureSuccessStatusCode();
    var id = (await created.Content.ReadFromJsonAsync<JsonNode>())!["data"]!["id"]!.GetValue<string>();
    (await http.PatchAsJsonAsync($"/api/campaigns/{id}/status", new { status = "active", reason = "Ready for the measurement" })).EnsureSuccessStatusCode();
    http.DefaultRequestHeaders.Authorization = null;
    return id;
}
