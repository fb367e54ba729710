using CareForAll.Payments.Data;
using CareForAll.Payments.Pledges;
using Riok.Mapperly.Abstractions;

namespace CareForAll.Payments.Features.Payments.Initiate;

[Mapper(RequiredMappingStrategy = RequiredMappingStrategy.Target)]
internal static partial class Mapper
{
    [MapProperty(nameof(PaymentRecord.Id), nameof(Response.PaymentId))]
    [MapProperty(nameof(PaymentRecord.GatewayUrl), nameof(Response.GatewayUrl), Use = nameof(Required))]
    public static partial Response ToResponse(PaymentRecord payment);

    public static NewPayment ToNewPayment(PledgeView pledge, Guid id, string tranId, string? traceparent, DateTimeOffset now) => new(
        id,
        pledge.Id,
        pledge.CampaignId,
        pledge.UserId,
        pledge.DonorEmail,
        tranId,
        pledge.Amount,
        pledge.Currency,
        traceparent,
        now);

    [UserMapping(Default = false)]
    private static string Required(string? value) => value ?? throw new InvalidOperationException("The payment has no gateway session.");
}
