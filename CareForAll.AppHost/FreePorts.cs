using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace CareForAll.AppHost;

/// <summary>Free loopback ports for a run that must not collide with a developer's platform on the same machine.</summary>
public static class FreePorts
{
    private const int LowestPort = 20000;
    private const int DefaultEphemeralStart = 32768;

    /// <summary>
    /// Ports below the system's ephemeral range. A port is only chosen here; the process that listens on it starts
    /// later (smtp4dev, RabbitMQ), and meanwhile the kernel hands ephemeral ports to anyone asking for port 0 (the
    /// orchestrator's proxies) and to every outgoing connection. Outside that range nobody can take it in between.
    /// </summary>
    public static int[] Take(int count) => Take(count, Random.Shared, EphemeralRangeStart());

    public static int[] Take(int count, Random random, int ephemeralStart)
    {
        var highest = Math.Max(LowestPort + count, ephemeralStart - 1);
        // Hold every listener until all ports are chosen so the same port is never handed out twice.
        var listeners = new List<TcpListener>();
        try
        {
            for (var attempt = 0; listeners.Count < count; attempt++)
            {
                if (attempt > count * 200)
                {
                    throw new InvalidOperationException($"No {count} free loopback ports between {LowestPort} and {highest}.");
                }

                var listener = new TcpListener(IPAddress.Loopback, random.Next(LowestPort, highest + 1));
                try
                {
                    listener.Start();
                    listeners.Add(listener);
                }
                catch (SocketException)
                {
                    listener.Dispose();
                }
            }

            return [.. listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port)];
        }
        finally
        {
            foreach (var listener in listeners)
            {
                listener.Stop();
            }
        }
    }

    /// <summary>The first ephemeral port on Linux (<c>ip_local_port_range</c>); elsewhere the common default.</summary>
    public static int EphemeralRangeStart(string rangeFile = "/proc/sys/net/ipv4/ip_local_port_range")
    {
        try
        {
            var first = File.ReadAllText(rangeFile).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)[0];
            return int.Parse(first, CultureInfo.InvariantCulture);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return DefaultEphemeralStart;
        }
    }
}
