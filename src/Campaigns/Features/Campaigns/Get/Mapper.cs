using CareForAll.Campaigns.Data;
using Riok.Mapperly.Abstractions;

namespace CareForAll.Campaigns.Features.Campaigns.Get;

[Mapper(RequiredMappingStrategy = RequiredMappingStrategy.Target)]
[UseStaticMapper(typeof(DbTime))]
[UseStaticMapper(typeof(DocumentsJson))]
internal static partial class Mapper
{
    public static partial Response ToResponse(CampaignRow row);
}
