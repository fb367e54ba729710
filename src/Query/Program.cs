using CareForAll.Query;
using CareForAll.Query.Caching;
using CareForAll.Query.Features.Campaigns.Track;
using CareForAll.Query.Features.Ledger.Announce;
using CareForAll.Query.Features.Ledger.Apply;
using CareForAll.Query.Features.Ledger.Record;
using CareForAll.Query.Features.Rebuild;
using CareForAll.Query.Features.Totals.Live;
using CareForAll.ServiceDefaults.Auth;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();

builder.Services.AddOptions<ApplierOptions>().BindConfiguration(ApplierOptions.SectionName);
builder.Services.AddOptions<LiveOptions>().BindConfiguration(LiveOptions.SectionName);
builder.Services.AddOptions<RebuildOptions>().BindConfiguration(RebuildOptions.SectionName);
builder.Services.TryAddSingleton(TimeProvider.System);
builder.Services.AddSingleton<QueryMetrics>();

// Each replica's memory of the read models, kept current by Redis pub/sub (every replica hears every change).
builder.Services.AddSingleton(services => new TotalsCache(
    services.GetRequiredService<NpgsqlDataSource>(), services.GetRequiredService<QueryMetrics>()));
builder.Services.AddSingleton<StatsCache>();
builder.Services.AddSingleton<LiveTotalsHub>();
builder.Services.AddSingleton<ReadModelSignals>();
builder.Services.AddSingleton<RedisReadModelBus>();
builder.Services.AddSingleton<IReadModelBus>(services => services.GetRequiredService<RedisReadModelBus>());
builder.Services.AddHostedService(services => services.GetRequiredService<RedisReadModelBus>());

// The ledger applied to the read models in batches, and changed totals announced.
builder.Services.AddSingleton<ReadModelProjector>();
builder.Services.AddSingleton<TotalsAnnouncer>();
builder.Services.AddHostedService<ReadModelApplier>();

// A rebuild reads the owners' snapshots with the admin's token.
builder.Services.AddScoped<ReadModelRebuild>();
builder.Services.AddHttpClient(HttpSnapshotSource.CampaignsClient, (services, http) =>
    http.BaseAddress = services.GetRequiredService<IOptions<RebuildOptions>>().Value.CampaignsBaseAddress);
builder.Services.AddHttpClient(HttpSnapshotSource.PledgesClient, (services, http) =>
    http.BaseAddress = services.GetRequiredService<IOptions<RebuildOptions>>().Value.PledgesBaseAddress);

builder.AddServiceDatabase("querydb");
// Pub/sub for the read models, and the access-token deny-list.
builder.AddRedisClient("redis");
// Money only from the pledge events; campaign info (title, goal, status) from the campaign events.
builder.AddEventConsumer("query", consumer =>
{
    consumer
        .Handle<PledgeEventData, RecordCompletedPledge>(PledgeEventTypes.Completed)
        .Handle<PledgeEventData, RecordRefundedPledge>(PledgeEventTypes.Refunded);
    foreach (var eventType in TrackCampaign.EventTypes)
    {
        consumer.Handle<CampaignEventData, TrackCampaign>(eventType);
    }
});
builder.AddCareForAllAuthentication();
builder.AddCareForAllEndpoints();

var app = builder.Build();

// Fail fast, before any port opens, when Auth:GuestTokenKey is missing: guests' emailed history links could not open.
_ = app.Services.GetRequiredService<GuestAccessTokens>();

await app.MigrateDatabaseAsync(typeof(Program).Assembly);

app.UseAuthentication();
app.UseAuthorization();
app.UseCareForAllEndpoints();
app.MapDefaultEndpoints();

await app.RunAsync();
