namespace CareForAll.ServiceDefaults.Api;

/// <summary>Marks a body that is already an envelope, so it is written as it is and never wrapped twice.</summary>
public interface IApiEnvelope
{
    /// <summary>Whether the request succeeded.</summary>
    bool Success { get; }

    /// <summary>When and for which request the response was made.</summary>
    EnvelopeMeta Meta { get; }
}
