using CareForAll.Campaigns;
using CareForAll.Campaigns.Features.Closing;
using CareForAll.Campaigns.Features.Contributions.Apply;
using CareForAll.Campaigns.Features.Contributions.Record;
using Microsoft.Extensions.DependencyInjection.Extensions;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();

builder.Services.AddOptions<TotalsOptions>().BindConfiguration(TotalsOptions.SectionName);
builder.Services.AddOptions<ClosingOptions>().BindConfiguration(ClosingOptions.SectionName);
builder.Services.TryAddSingleton(TimeProvider.System);
builder.Services.AddSingleton<CampaignsMetrics>();
builder.Services.AddSingleton<CampaignTotals>();
builder.Services.AddSingleton<CampaignClosing>();
builder.Services.AddHostedService<CampaignTotalsApplier>();
builder.Services.AddHostedService<CampaignClosingJob>();

builder.AddServiceDatabase("campaignsdb");
// The access-token deny-list lives in Redis: a logged-out or suspended user's token is refused here too.
builder.AddRedisClient("redis");
builder.AddOutboxRelay();
// Campaigns keeps its own total (for goal detection and closing) from the same pledge events as the read side.
builder.AddEventConsumer("campaigns", consumer => consumer
    .Handle<PledgeEvent, RecordCompletedPledge>(PledgeEventTypes.Completed)
    .Handle<PledgeEvent, RecordRefundedPledge>(PledgeEventTypes.Refunded));
builder.AddCareForAllAuthentication();
builder.AddCareForAllEndpoints();

var app = builder.Build();

await app.MigrateDatabaseAsync(typeof(Program).Assembly);

app.UseAuthentication();
app.UseAuthorization();
app.UseCareForAllEndpoints();
app.MapMessagingStatus();
app.MapDefaultEndpoints();

await app.RunAsync();
