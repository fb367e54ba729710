using CareForAll.Payments.Notifications;
using Riok.Mapperly.Abstractions;

namespace CareForAll.Payments.Features.Notifications.Ipn;

[Mapper(RequiredMappingStrategy = RequiredMappingStrategy.Target)]
internal static partial class Mapper
{
    public static partial Response ToResponse(NotificationOutcome outcome);

    private static string ToResult(NotificationResult result) => result switch
    {
        NotificationResult.Processed => "processed",
        NotificationResult.Duplicate => "duplicate",
        NotificationResult.UnknownPayment => "unknown_payment",
        NotificationResult.SignatureInvalid => "invalid_signature",
        _ => "deferred",
    };
}
