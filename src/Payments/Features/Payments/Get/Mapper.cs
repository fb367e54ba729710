using System.Text.Json;
using CareForAll.Payments.Data;
using CareForAll.Payments.Refunds;
using Riok.Mapperly.Abstractions;

namespace CareForAll.Payments.Features.Payments.Get;

[Mapper(RequiredMappingStrategy = RequiredMappingStrategy.Target)]
internal static partial class Mapper
{
    [MapperIgnoreTarget(nameof(Response.ValId))]
    [MapperIgnoreTarget(nameof(Response.BankTranId))]
    [MapperIgnoreTarget(nameof(Response.StoreAmount))]
    [MapperIgnoreTarget(nameof(Response.UserId))]
    [MapperIgnoreTarget(nameof(Response.DonorEmail))]
    [MapperIgnoreTarget(nameof(Response.ReleasedBy))]
    [MapperIgnoreTarget(nameof(Response.ReleasedAt))]
    [MapperIgnoreTarget(nameof(Response.History))]
    [MapperIgnoreTarget(nameof(Response.Refunds))]
    public static partial Response ToResponse(PaymentRecord payment);

    [MapperIgnoreTarget(nameof(HistoryItem.Actor))]
    private static partial HistoryItem ToHistoryItem(HistoryRow row);

    private static partial RefundItem ToRefundItem(RefundRecord refund);

    /// <summary>Fills in what only an admin sees.</summary>
    public static void AddAdminDetails(Response response, PaymentRecord payment, IEnumerable<HistoryRow> history, IEnumerable<RefundRecord> refunds)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(payment);
        response.ValId = payment.ValId;
        response.BankTranId = payment.BankTranId;
        response.StoreAmount = payment.StoreAmount;
        response.UserId = payment.UserId;
        response.DonorEmail = payment.DonorEmail;
        response.ReleasedBy = payment.ReleasedBy;
        response.ReleasedAt = payment.ReleasedAt is { } released ? ToUtc(released) : null;
        response.History = history.Select(row => WithActor(ToHistoryItem(row), row.Actor)).ToList();
        response.Refunds = refunds.Select(ToRefundItem).ToList();
    }

    private static HistoryItem WithActor(HistoryItem item, string? actor) => actor is null ? item : new HistoryItem
    {
        FromStatus = item.FromStatus,
        ToStatus = item.ToStatus,
        Accepted = item.Accepted,
        Reason = item.Reason,
        Source = item.Source,
        Actor = JsonSerializer.Deserialize<JsonElement>(actor),
        CreatedAt = item.CreatedAt,
    };

    // Npgsql reads timestamptz as a UTC DateTime.
    private static DateTimeOffset ToUtc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
