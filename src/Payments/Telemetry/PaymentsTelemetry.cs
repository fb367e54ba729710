using System.Diagnostics;

namespace CareForAll.Payments.Telemetry;

/// <summary>Payments' spans. ServiceDefaults exports every <c>CareForAll.*</c> source.</summary>
internal static class PaymentsTelemetry
{
    public const string Name = "CareForAll.Payments";

    public static readonly ActivitySource Source = new(Name);

    /// <summary>
    /// Starts a span under the current one (if any) linked to the payment's initiation, so a notification or a
    /// reconciliation (fresh work, often from outside) shows up next to the donation it belongs to.
    /// </summary>
    public static Activity? StartLinked(string name, string? initiationTraceparent)
    {
        ActivityLink[]? links = ActivityContext.TryParse(initiationTraceparent, null, isRemote: true, out var initiation)
            ? [new ActivityLink(initiation)]
            : null;
        return Source.StartActivity(name, ActivityKind.Internal, parentContext: default, tags: null, links: links);
    }
}
