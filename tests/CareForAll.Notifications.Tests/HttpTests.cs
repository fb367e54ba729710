using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace CareForAll.Notifications.Tests;

/// <summary>
/// The service as it runs (no broker, no Redis, and at first no SMTP server), through HTTP: it starts, answers the
/// anonymous routes in the envelope, and its sender delivers what waited once the SMTP server appears.
/// </summary>
[Collection(PostgresGroup.Name)]
public sealed class HttpTests(PostgresServer postgres) : IAsyncLifetime
{
    private Harness _h = null!;
    private WebApplicationFactory<Program> _app = null!;
    private int _smtpPort;

    public async Task InitializeAsync()
    {
        _h = await Harness.CreateAsync(postgres, new FixedClock(DateTimeOffset.UtcNow));
        _smtpPort = FakeSmtpServer.ReservePort();
        _app = new WebApplicationFactory<Program>().WithWebHostBuilder(host => host
            .UseSetting("ConnectionStrings:notificationsdb", _h.Database.ConnectionString)
            .UseSetting("ConnectionStrings:redis", "127.0.0.1:1,abortConnect=false,connectTimeout=200")
            // No broker: the consumer keeps retrying quietly; these tests write what events would.
            .UseSetting("ConnectionStrings:rabbitmq", "amqp://guest:guest@127.0.0.1:1/")
            .UseSetting("ConnectionStrings:smtp", $"Endpoint=smtp://127.0.0.1:{_smtpPort}")
            .UseSetting("Notifications:PublicBaseUrl", "https://careforall.test")
            .UseSetting("Notifications:Sender:PollInterval", "00:00:00.100")
            .UseSetting("Notifications:Sender:InitialBackoff", "00:00:00.050")
            .UseSetting("Notifications:Sender:MaxBackoff", "00:00:00.200")
            .UseSetting("Auth:GuestTokenKey", Harness.GuestTokenKey)
            .UseSetting("Logging:LogLevel:Default", "Warning"));
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _h.DisposeAsync();

        // FastEndpoints keeps the last application's services in a static; the endpoint tests that run after this
        // class need their own unit-test services again, not a disposed application's.
        typeof(FastEndpoints.IServiceResolver).Assembly.GetType("FastEndpoints.ServiceResolver")!
            .GetField("_instance", System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.NonPublic)!
            .SetValue(null, null);
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(HttpClient client, string email)
    {
        using var response = await client.PostAsJsonAsync(new Uri("/api/notifications/guest-history-link", UriKind.Relative), new { email });
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    [Fact]
    public async Task with_smtp_down_the_service_serves_and_keeps_mail_which_goes_once_smtp_is_back()
    {
        var client = _app.CreateClient();
        var pledge = Guid.CreateVersion7();
        await _h.DeliverCompletedAsync(
            Events.Pledge(pledge, Guid.CreateVersion7(), "completed", "payment_initiated", email: "guest@example.org"), pledge);

        var known = await PostAsync(client, "Guest@Example.org");
        var unknown = await PostAsync(client, "nobody@example.org");
        var invalid = await PostAsync(client, "not-an-address");

        known.Status.ShouldBe(HttpStatusCode.Accepted);
        unknown.Status.ShouldBe(HttpStatusCode.Accepted);
        known.Body.GetProperty("success").GetBoolean().ShouldBeTrue();
        known.Body.GetProperty("data").GetRawText().ShouldBe(unknown.Body.GetProperty("data").GetRawText());
        invalid.Status.ShouldBe(HttpStatusCode.BadRequest);
        invalid.Body.GetProperty("error").GetProperty("code").GetString().ShouldBe("VALIDATION_ERROR");
        invalid.Body.GetProperty("error").GetProperty("details").GetRawText().ShouldContain("email");
        using (var history = await client.GetAsync(new Uri($"/api/notifications/user/{Guid.NewGuid()}", UriKind.Relative)))
        {
            history.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }

        // The sender decides the requests and tries to send while SMTP is down: the link mail waits, queued.
        await Eventually.UntilAsync(async () => (await _h.MailsAsync(Mail.MailTemplateNames.GuestHistoryLink)) is [{ Attempts: > 0, Status: "queued" }],
            TimeSpan.FromSeconds(20), "the link mail was not attempted", TimeSpan.FromMilliseconds(50));
        (await _h.MailsAsync(Mail.MailTemplateNames.GuestHistoryLink)).Single().RecipientEmail.ShouldBe("guest@example.org");
        using (var alive = await client.GetAsync(new Uri("/alive", UriKind.Relative)))
        {
            alive.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        await using var smtp = FakeSmtpServer.Start(_smtpPort);
        await Eventually.UntilAsync(async () => (await _h.MailsAsync()).All(m => m.Status == "sent"), TimeSpan.FromSeconds(20),
            "the waiting mail was not sent once SMTP was back", TimeSpan.FromMilliseconds(50));
        smtp.Received.Select(m => m.Headers[Mail.Sending.MimeMessages.TemplateHeader]).Order().ShouldBe(["guest_history_link", "receipt"]);
    }

    [Fact]
    public void no_health_check_depends_on_the_smtp_server()
    {
        var registrations = _app.Services.GetRequiredService<IOptions<HealthCheckServiceOptions>>().Value.Registrations;

        registrations.ShouldNotBeEmpty();
        registrations.ShouldNotContain(r => r.Name.Contains("smtp", StringComparison.OrdinalIgnoreCase)
            || r.Name.Contains("mail", StringComparison.OrdinalIgnoreCase));
    }
}
