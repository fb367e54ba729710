using CareForAll.Gateway;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddRedisClient("redis");
builder.AddCareForAllAuthentication();
builder.AddGateway();
builder.AddRedisOutputCacheStore();

var app = builder.Build();

app.UseGateway();
app.MapDefaultEndpoints();

app.Run();
