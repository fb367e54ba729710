using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using MimeKit;

namespace CareForAll.Notifications.Tests;

/// <summary>
/// A tiny SMTP server on 127.0.0.1 that keeps what it receives: enough of RFC 5321 for MailKit (EHLO, MAIL, RCPT,
/// DATA with dot-stuffing, RSET, NOOP, QUIT). It can refuse chosen recipients, and can be started later on a port
/// reserved in advance, which is an SMTP server that is down and then comes back.
/// </summary>
internal sealed class FakeSmtpServer : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;

    private FakeSmtpServer(int port)
    {
        _listener = new TcpListener(IPAddress.Loopback, port);
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _accepting = AcceptAsync();
    }

    public int Port { get; }

    public ConcurrentQueue<MimeMessage> Received { get; } = new();

    private int _sessions;

    /// <summary>Connections accepted so far.</summary>
    public int Sessions => Volatile.Read(ref _sessions);

    /// <summary>Messages after which the server drops the connection on the next DATA, as a server that goes down mid-send.</summary>
    public int? DropConnectionAfter { get; set; }

    /// <summary>The reply to RCPT TO for an address (e.g. "550 5.1.1 no such user"), or null to accept it.</summary>
    public Func<string, string?> RecipientReply { get; set; } = _ => null;

    public string ConnectionString => $"Endpoint=smtp://127.0.0.1:{Port}";

    public static FakeSmtpServer Start(int port = 0) => new(port);

    /// <summary>A port nothing listens on (yet): connecting to it is refused at once.</summary>
    public static int ReservePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _accepting;
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            Interlocked.Increment(ref _sessions);
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                // Latin-1 maps bytes to chars one to one, so the message survives the round trip untouched.
                using var reader = new StreamReader(stream, Encoding.Latin1);
                await using var writer = new StreamWriter(stream, Encoding.Latin1) { NewLine = "\r\n", AutoFlush = true };
                await writer.WriteLineAsync("220 fake-smtp ready");
                while (await reader.ReadLineAsync(_stop.Token) is { } line)
                {
                    var verb = line.Split(' ', 2)[0].ToUpperInvariant();
                    switch (verb)
                    {
                        case "EHLO":
                            await writer.WriteLineAsync("250-fake-smtp");
                            await writer.WriteLineAsync("250 8BITMIME");
                            break;
                        case "HELO" or "MAIL" or "RSET" or "NOOP":
                            await writer.WriteLineAsync("250 OK");
                            break;
                        case "RCPT":
                            var address = line[(line.IndexOf('<', StringComparison.Ordinal) + 1)..line.LastIndexOf('>')];
                            await writer.WriteLineAsync(RecipientReply(address) ?? "250 OK");
                            break;
                        case "DATA" when Received.Count >= DropConnectionAfter:
                            return;
                        case "DATA":
                            await writer.WriteLineAsync("354 end with <CRLF>.<CRLF>");
                            Received.Enqueue(await ReadMessageAsync(reader));
                            await writer.WriteLineAsync("250 queued");
                            break;
                        case "QUIT":
                            await writer.WriteLineAsync("221 bye");
                            return;
                        default:
                            await writer.WriteLineAsync("502 not implemented");
                            break;
                    }
                }
            }
            catch (Exception ex) when (ex is IOException or OperationCanceledException or ObjectDisposedException)
            {
                // The client went away, or the server is stopping.
            }
        }
    }

    private async Task<MimeMessage> ReadMessageAsync(StreamReader reader)
    {
        var data = new StringBuilder();
        while (await reader.ReadLineAsync(_stop.Token) is { } line && line != ".")
        {
            data.Append(line.StartsWith("..", StringComparison.Ordinal) ? line[1..] : line).Append("\r\n");
        }

        using var bytes = new MemoryStream(Encoding.Latin1.GetBytes(data.ToString()));
        return await MimeMessage.LoadAsync(bytes);
    }
}
