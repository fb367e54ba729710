using CareForAll.Payments.Data;
using Riok.Mapperly.Abstractions;

namespace CareForAll.Payments.Features.Payments.Release;

[Mapper(RequiredMappingStrategy = RequiredMappingStrategy.Target)]
internal static partial class Mapper
{
    [MapProperty(nameof(PaymentRecord.Id), nameof(Response.PaymentId))]
    public static partial Response ToResponse(PaymentRecord payment);

    // Npgsql reads timestamptz as a UTC DateTime.
    private static DateTimeOffset ToUtc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
