using System.Net.Sockets;

namespace CareForAll.AppHost.Local.Readiness;

/// <summary>Opens a loopback connection, optionally sends bytes, and reads the first bytes of the answer.</summary>
internal static class TcpProbe
{
    public static async Task<byte[]> ExchangeAsync(int port, ReadOnlyMemory<byte> request, int expectedBytes, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(3));

        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", port, timeout.Token);
        var stream = client.GetStream();
        if (!request.IsEmpty)
        {
            await stream.WriteAsync(request, timeout.Token);
        }

        var buffer = new byte[expectedBytes];
        var read = 0;
        while (read < expectedBytes)
        {
            var n = await stream.ReadAsync(buffer.AsMemory(read), timeout.Token);
            if (n == 0)
            {
                break;
            }

            read += n;
        }

        return buffer[..read];
    }
}
