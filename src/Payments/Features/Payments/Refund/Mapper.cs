using CareForAll.Payments.Refunds;
using Riok.Mapperly.Abstractions;

namespace CareForAll.Payments.Features.Payments.Refund;

[Mapper(RequiredMappingStrategy = RequiredMappingStrategy.Target)]
internal static partial class Mapper
{
    [MapProperty(nameof(RefundRecord.Id), nameof(Response.RefundId))]
    public static partial Response ToResponse(RefundRecord refund);

    // Npgsql reads timestamptz as a UTC DateTime.
    private static DateTimeOffset ToUtc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
