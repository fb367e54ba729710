using CareForAll.ServiceDefaults.Api;
using CareForAll.Pledges.Data;
using CareForAll.Pledges.Domain;
using Riok.Mapperly.Abstractions;

namespace CareForAll.Pledges.Features.Pledges.Create;

[Mapper(RequiredMappingStrategy = RequiredMappingStrategy.Target)]
internal static partial class Mapper
{
    /// <summary>The pledge as it will be stored: email normalised, blank text dropped, currency always BDT.</summary>
    public static NewPledge ToNewPledge(Request request, Guid id, Guid? userId, string donorEmail, DateTimeOffset now) => new(
        id,
        request.CampaignId!.Value,
        userId,
        EmailAddress.Normalize(donorEmail),
        Conversions.NullIfBlank(request.DonorName),
        request.Amount!.Value,
        PledgeAmount.Currency,
        request.IsAnonymous,
        Conversions.NullIfBlank(request.Message),
        request.Metadata?.GetRawText(),
        now);

    public static PledgeEvent ToEvent(NewPledge pledge) => new(
        pledge.Id,
        pledge.CampaignId,
        pledge.UserId,
        pledge.DonorEmail,
        pledge.IsAnonymous ? null : pledge.DonorName,
        pledge.IsAnonymous,
        pledge.Amount,
        pledge.Currency,
        PledgeStatus.Pending,
        PreviousStatus: null,
        PaymentId: null,
        TranId: null,
        pledge.Message,
        pledge.CreatedAt);

    [MapValue(nameof(Response.Status), Use = nameof(NewStatus))]
    public static partial Response ToResponse(NewPledge pledge, string? guestToken);

    private static string NewStatus() => PledgeStatus.Pending;

    private static System.Text.Json.JsonElement? ToJson(string? text) => Conversions.ToJson(text);
}
