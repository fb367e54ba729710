using CareForAll.Admin;
using CareForAll.Admin.Features.SystemNotifications.DeadLetters;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();

builder.Services.AddAdminCore();
builder.Services.AddHostedService<DeadLetterWatch>();
// Dead-letter queues are counted on the same AMQP connection the admin consumer uses.
builder.AddQueueMessageCounts();

builder.AddServiceDatabase("admindb");
// The access-token deny-list lives in Redis: a logged-out or suspended admin's token is refused here too.
builder.AddRedisClient("redis");
// The audit log is fed by the owners' events, whichever route an admin took; the same events raise system notifications.
builder.AddAdminEventConsumer();
builder.AddCareForAllAuthentication();
builder.AddCareForAllEndpoints();

var app = builder.Build();

await app.MigrateDatabaseAsync(typeof(Program).Assembly);

app.UseAuthentication();
app.UseAuthorization();
app.UseCareForAllEndpoints();
app.MapDefaultEndpoints();

await app.RunAsync();
