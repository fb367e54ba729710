using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Aspire.Hosting.Testing;

namespace CareForAll.IntegrationTests.Mail;

/// <summary>What the development SMTP sink (smtp4dev) received, read through its API as a person would read their inbox.</summary>
internal sealed class Mailbox(PlatformFixture platform) : IDisposable
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    private readonly HttpClient _client = platform.App.CreateHttpClient("smtp", "http");

    public sealed record Message(string Id, IReadOnlyList<string> To, string Subject, DateTimeOffset ReceivedAt);

    /// <summary>Every message addressed to <paramref name="address"/>, oldest first.</summary>
    public async Task<IReadOnlyList<Message>> MessagesToAsync(string address, CancellationToken ct)
    {
        var page = await _client.GetFromJsonAsync<JsonNode>(
            $"/api/Messages?searchTerms={Uri.EscapeDataString(address)}&pageSize=1000", ct);
        return page!["results"]!.AsArray()
            .Select(m => new Message(
                m!["id"]!.GetValue<string>(),
                m["to"]!.AsArray().Select(t => t!.GetValue<string>()).ToList(),
                m["subject"]!.GetValue<string>(),
                m["receivedDate"]!.GetValue<DateTimeOffset>()))
            .Where(m => m.To.Any(to => to.Contains(address, StringComparison.OrdinalIgnoreCase)))
            .OrderBy(m => m.ReceivedAt)
            .ToList();
    }

    /// <summary>Waits until <paramref name="address"/> has at least <paramref name="count"/> messages that <paramref name="match"/> accepts.</summary>
    public async Task<IReadOnlyList<Message>> WaitForAsync(string address, Func<Message, bool> match, int count, string what, CancellationToken ct)
    {
        IReadOnlyList<Message> found = [];
        await Eventually.UntilAsync(
            async () => (found = (await MessagesToAsync(address, ct)).Where(match).ToList()).Count >= count,
            Deadline, $"{address} received {what}", TimeSpan.FromMilliseconds(250));
        return found;
    }

    public async Task<string> PlainTextAsync(Message message, CancellationToken ct) =>
        await _client.GetStringAsync($"/api/Messages/{message.Id}/plaintext", ct);

    public async Task<string> HtmlAsync(Message message, CancellationToken ct) =>
        await _client.GetStringAsync($"/api/Messages/{message.Id}/html", ct);

    public void Dispose() => _client.Dispose();
}
