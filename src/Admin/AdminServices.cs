using System.Text.Json;
using CareForAll.Admin.Configuration;
using CareForAll.Admin.Events;
using CareForAll.Admin.Features.Dashboard.Stats;
using CareForAll.Admin.Features.SystemNotifications.DeadLetters;
using CareForAll.Admin.Owners;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CareForAll.Admin;

/// <summary>The admin service's own registrations, apart from hosting (the consumer, the watch), so tests build the same.</summary>
internal static class AdminServices
{
    public static IServiceCollection AddAdminCore(this IServiceCollection services)
    {
        AddValidatedOptions<OwnerServicesOptions>(services, OwnerServicesOptions.SectionName, o => o.Problem());
        AddValidatedOptions<DashboardOptions>(services, DashboardOptions.SectionName, o => o.Problem());
        AddValidatedOptions<DeadLetterOptions>(services, DeadLetterOptions.SectionName, o => o.Problem());

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<AdminMetrics>();
        services.AddOwnerClients();
        services.TryAddSingleton<IDeadLetterCounter, RabbitDeadLetterCounter>();
        services.AddTransient<DeadLetterCheck>();
        services.AddTransient<DashboardParts>();
        return services;
    }

    /// <summary>
    /// Consumes the <c>admin</c> queue: every event type it is bound to goes to <see cref="AdminEventHandler"/>, listed
    /// one by one so the startup check against MessagingTopology catches a type added on one side only.
    /// </summary>
    public static IHostApplicationBuilder AddAdminEventConsumer(this IHostApplicationBuilder builder) =>
        builder.AddEventConsumer("admin", consumer => consumer
            .Handle<JsonElement, AdminEventHandler>(AdminEventTypes.UserSuspended)
            .Handle<JsonElement, AdminEventHandler>(AdminEventTypes.UserReactivated)
            .Handle<JsonElement, AdminEventHandler>(AdminEventTypes.PaymentCaptured)
            .Handle<JsonElement, AdminEventHandler>(AdminEventTypes.PaymentCompleted)
            .Handle<JsonElement, AdminEventHandler>(AdminEventTypes.PaymentRefunded)
            .Handle<JsonElement, AdminEventHandler>(AdminEventTypes.PaymentRefundRequested)
            .Handle<JsonElement, AdminEventHandler>(AdminEventTypes.PaymentNotificationRejected)
            .Handle<JsonElement, AdminEventHandler>(AdminEventTypes.CampaignCreated)
            .Handle<JsonElement, AdminEventHandler>(AdminEventTypes.CampaignUpdated)
            .Handle<JsonElement, AdminEventHandler>(AdminEventTypes.CampaignActivated)
            .Handle<JsonElement, AdminEventHandler>(AdminEventTypes.CampaignGoalReached)
            .Handle<JsonElement, AdminEventHandler>(AdminEventTypes.CampaignExpired)
            .Handle<JsonElement, AdminEventHandler>(AdminEventTypes.CampaignCompleted)
            .Handle<JsonElement, AdminEventHandler>(AdminEventTypes.CampaignCancelled));

    private static void AddValidatedOptions<TOptions>(IServiceCollection services, string section, Func<TOptions, string?> problem)
        where TOptions : class
    {
        services.AddOptions<TOptions>().BindConfiguration(section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TOptions>>(new OptionsProblemValidator<TOptions>(problem));
    }
}
