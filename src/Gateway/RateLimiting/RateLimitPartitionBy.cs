namespace CareForAll.Gateway.RateLimiting;

/// <summary>Whose requests share one counter.</summary>
internal enum RateLimitPartitionBy
{
    /// <summary>The user of a validated token; requests without one count per client address.</summary>
    UserOrClientAddress,

    /// <summary>Always the client address (login: the attacker has no token yet).</summary>
    ClientAddress,
}
