using System.Text.Json;
using CareForAll.Pledges.Data;
using Riok.Mapperly.Abstractions;

namespace CareForAll.Pledges.Features.Pledges.Get;

[Mapper(RequiredMappingStrategy = RequiredMappingStrategy.Target)]
internal static partial class Mapper
{
    public static Response ToResponse(PledgeRow row) => ToResponse(row, campaignStatus: null);

    public static partial Response ToResponse(PledgeRow row, string? campaignStatus);

    private static DateTimeOffset ToUtc(DateTime value) => Conversions.ToUtc(value);

    private static DateTimeOffset? ToUtc(DateTime? value) => Conversions.ToUtc(value);

    private static JsonElement? ToJson(string? text) => Conversions.ToJson(text);
}
