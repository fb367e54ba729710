using CareForAll.Gateway;
using CareForAll.Gateway.Caching;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddRedisClient("redis");
builder.AddCareForAllAuthentication();
builder.AddGateway();
builder.AddRedisOutputCacheStore();
builder.AddCampaignCacheEviction();

var app = builder.Build();

app.UseGateway();
app.MapDefaultEndpoints();

app.Run();
