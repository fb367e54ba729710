using System.Net;
using System.Net.Sockets;

namespace CareForAll.AppHost;

/// <summary>Free loopback ports for a run that must not collide with a developer's platform on the same machine.</summary>
internal static class FreePorts
{
    public static int[] Take(int count)
    {
        // Hold every listener until all ports are chosen so the same port is never handed out twice.
        var listeners = new List<TcpListener>();
        try
        {
            for (var i = 0; i < count; i++)
            {
                var listener = new TcpListener(IPAddress.Loopback, 0);
                listener.Start();
                listeners.Add(listener);
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
}
