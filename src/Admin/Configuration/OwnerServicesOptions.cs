using CareForAll.Admin.Owners;

namespace CareForAll.Admin.Configuration;

/// <summary>
/// Where the owning services answer (<c>Admin:Services</c>). Service discovery resolves the names the AppHost gives
/// them, so nothing here names a host or port; <c>https+http</c> prefers TLS when the service offers it.
/// </summary>
internal sealed class OwnerServicesOptions
{
    public const string SectionName = "Admin:Services";

    public string Identity { get; set; } = "https+http://identity";

    public string Campaigns { get; set; } = "https+http://campaigns";

    public string Pledges { get; set; } = "https+http://pledges";

    public string Payments { get; set; } = "https+http://payments";

    public string Query { get; set; } = "https+http://query";

    /// <summary>How long one attempt at an owner may take before it counts as unanswered.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a call to an owner may take, retries of reads included.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long a read-model rebuild may take: query reads every campaign and pledge before it answers, far longer
    /// than any other call.
    /// </summary>
    public TimeSpan RebuildTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The base address of <paramref name="service"/> (one of <see cref="OwnerServices"/>).</summary>
    public string BaseUrl(string service) => service switch
    {
        OwnerServices.Identity => Identity,
        OwnerServices.Campaigns => Campaigns,
        OwnerServices.Pledges => Pledges,
        OwnerServices.Payments => Payments,
        OwnerServices.Query or OwnerServices.QueryRebuild => Query,
        _ => throw new ArgumentOutOfRangeException(nameof(service), service, "Not a service the admin calls."),
    };

    public string? Problem()
    {
        foreach (var service in OwnerServices.All)
        {
            if (!Uri.TryCreate(BaseUrl(service), UriKind.Absolute, out _))
            {
                return $"{SectionName}:{service} must be an absolute URL.";
            }
        }

        return AttemptTimeout <= TimeSpan.Zero || Timeout < AttemptTimeout
                ? $"{SectionName}: AttemptTimeout must be positive and Timeout at least as long."
            : RebuildTimeout <= TimeSpan.Zero
                ? $"{SectionName}:RebuildTimeout must be positive."
            : null;
    }
}
