using System.Net;
using System.Net.Sockets;
using CareForAll.Gateway.Security;

namespace CareForAll.Gateway.RateLimiting;

/// <summary>Turns a request into the key of the counter it spends from.</summary>
internal static class RateLimitPartitionKeys
{
    public static string For(HttpContext context, RateLimitPartitionBy partitionBy) =>
        partitionBy == RateLimitPartitionBy.UserOrClientAddress && GatewayUser.IdOf(context.User) is { } userId
            ? $"user:{userId}"
            : $"address:{ClientAddress(context.Connection.RemoteIpAddress)}";

    /// <summary>
    /// The client address as the limiter sees it. Behind a proxy that sets X-Forwarded-For (Azure Container
    /// Apps ingress), ASPNETCORE_FORWARDEDHEADERS_ENABLED=true makes this the real client.
    /// </summary>
    internal static string ClientAddress(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4().ToString();
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6 && !IPAddress.IsLoopback(address))
        {
            // One subscriber usually holds a whole /64; counting per address would let them rotate freely.
            var bytes = address.GetAddressBytes();
            Array.Clear(bytes, 8, 8);
            return $"{new IPAddress(bytes)}/64";
        }

        return address.ToString();
    }
}
