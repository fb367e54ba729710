namespace CareForAll.ServiceDefaults;

/// <summary>Names of the CareForAll telemetry sources; every Meter and ActivitySource named so is exported.</summary>
public static class CareForAllTelemetry
{
    /// <summary>The prefix of every CareForAll Meter and ActivitySource (e.g. <c>CareForAll.Messaging</c>).</summary>
    public const string Prefix = "CareForAll.";

    /// <summary>The wildcard that subscribes to all of them.</summary>
    public const string Wildcard = "CareForAll.*";
}
