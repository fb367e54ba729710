using CareForAll.BuildingBlocks.Messaging;

namespace CareForAll.Gateway.Caching;

/// <summary>Subscribes the gateway to every campaign event, to evict what it cached of that campaign.</summary>
internal static class CampaignCacheEviction
{
    public const string QueueName = "gateway";

    public static IHostApplicationBuilder AddCampaignCacheEviction(this IHostApplicationBuilder builder)
    {
        builder.AddEventListener(QueueName, consumer =>
        {
            foreach (var eventType in MessagingTopology.Queues[QueueName])
            {
                consumer.Listen<CampaignChanged, EvictCampaignPages>(eventType);
            }
        });
        return builder;
    }
}
