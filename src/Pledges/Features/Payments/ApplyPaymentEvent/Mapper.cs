using CareForAll.Pledges.Data;
using CareForAll.Pledges.Domain;
using Riok.Mapperly.Abstractions;

namespace CareForAll.Pledges.Features.Payments.ApplyPaymentEvent;

[Mapper(RequiredMappingStrategy = RequiredMappingStrategy.Target)]
internal static partial class Mapper
{
    /// <summary>The event announcing the pledge's move from its stored status to <paramref name="status"/>.</summary>
    public static PledgeEvent ToEvent(PledgeRow pledge, string status, Guid paymentId, string? tranId, DateTimeOffset now) => new(
        pledge.Id,
        pledge.CampaignId,
        pledge.UserId,
        pledge.DonorEmail,
        pledge.IsAnonymous ? null : pledge.DonorName,
        pledge.IsAnonymous,
        pledge.Amount,
        pledge.Currency,
        status,
        PreviousStatus: pledge.Status,
        paymentId,
        tranId ?? pledge.TranId,
        pledge.Message,
        now);
}
