using CareForAll.Pledges;
using CareForAll.Pledges.Campaigns;
using CareForAll.Pledges.Features.Pledges.Create;
using CareForAll.ServiceDefaults.Auth;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ApplyPaymentEvent = CareForAll.Pledges.Features.Payments.ApplyPaymentEvent;
using TrackCampaignStatus = CareForAll.Pledges.Features.Campaigns.TrackCampaignStatus;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();

builder.Services.AddOptions<PledgeOptions>().BindConfiguration(PledgeOptions.SectionName);
builder.Services.TryAddSingleton(TimeProvider.System);
builder.Services.AddSingleton<PledgeMetrics>();
builder.Services.AddScoped<CampaignGate>();
// Asked only when pledges' own copy of a campaign's status does not say "active".
builder.Services.AddHttpClient<CampaignsClient>((services, http) =>
    http.BaseAddress = services.GetRequiredService<IOptions<PledgeOptions>>().Value.CampaignsBaseAddress);

builder.AddServiceDatabase("pledgesdb");
builder.AddRedisClient("redis");
builder.AddOutboxRelay();
builder.AddEventConsumer("pledges", consumer =>
{
    // Payment events drive the pledge's status; campaign events keep the copy of campaign statuses.
    foreach (var eventType in ApplyPaymentEvent.Handler.EventTypes)
    {
        consumer.Handle<ApplyPaymentEvent.PaymentEventData, ApplyPaymentEvent.Handler>(eventType);
    }

    foreach (var eventType in TrackCampaignStatus.Handler.EventTypes)
    {
        consumer.Handle<TrackCampaignStatus.CampaignEventData, TrackCampaignStatus.Handler>(eventType);
    }
});
builder.AddCareForAllAuthentication();
builder.AddCareForAllEndpoints();

var app = builder.Build();

// Fail fast, before any port opens, when Auth:GuestTokenKey is missing: guests could pledge but never pay.
_ = app.Services.GetRequiredService<GuestAccessTokens>();

await app.MigrateDatabaseAsync(typeof(Program).Assembly);

app.UseAuthentication();
app.UseAuthorization();
app.UseCareForAllEndpoints();
app.MapMessagingStatus();
app.MapDefaultEndpoints();

await app.RunAsync();
