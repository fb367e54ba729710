using CareForAll.BuildingBlocks.Messaging;
using Pledges = CareForAll.Notifications.Features.Pledges;
using SendRequested = CareForAll.Notifications.Features.Messages.SendRequested;
using TrackCampaign = CareForAll.Notifications.Features.Campaigns.TrackCampaign;
using Users = CareForAll.Notifications.Features.Users;

namespace CareForAll.Notifications.Features;

/// <summary>
/// The <c>notifications</c> queue's handlers: exactly the event types <see cref="MessagingTopology"/> binds to it
/// (checked at startup). Each handler only updates what notifications knows and writes rendered mail, in the
/// inbox transaction; the sender does the sending.
/// </summary>
internal static class NotificationsConsumer
{
    public const string QueueName = "notifications";

    public static void Configure(EventConsumerBuilder consumer)
    {
        ArgumentNullException.ThrowIfNull(consumer);
        consumer
            .Handle<Users.UserEventData, Users.TrackUser.Handler>(Users.TrackUser.Handler.EventType)
            .Handle<Users.UserEventData, Users.SendVerification.Handler>(Users.SendVerification.Handler.EventType)
            .Handle<Pledges.PledgeEventData, Pledges.Created.Handler>(Pledges.Created.Handler.EventType)
            .Handle<Pledges.PledgeEventData, Pledges.Completed.Handler>(Pledges.Completed.Handler.EventType)
            .Handle<Pledges.PledgeEventData, Pledges.Refunded.Handler>(Pledges.Refunded.Handler.EventType)
            .Handle<SendRequested.SendEmailData, SendRequested.Handler>(SendRequested.Handler.EventType);
        foreach (var eventType in TrackCampaign.Handler.EventTypes)
        {
            consumer.Handle<TrackCampaign.CampaignEventData, TrackCampaign.Handler>(eventType);
        }
    }
}
