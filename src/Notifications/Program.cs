using CareForAll.Notifications;
using CareForAll.Notifications.Features;
using CareForAll.Notifications.Features.Campaigns;
using CareForAll.Notifications.Features.GuestLinks.Decide;
using CareForAll.Notifications.Features.Organisers;
using CareForAll.Notifications.Mail;
using CareForAll.Notifications.Mail.Sending;
using CareForAll.ServiceDefaults.Auth;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();

builder.Services.AddOptions<NotificationsOptions>()
    .BindConfiguration(NotificationsOptions.SectionName)
    .Validate(o => o.PublicBaseUrl is { IsAbsoluteUri: true }, "Notifications:PublicBaseUrl must be the platform's absolute public URL.")
    .Validate(o => MimeKit.MailboxAddress.TryParse(o.From, out _), "Notifications:From must be a mail address, e.g. \"CareForAll <no-reply@careforall.org>\".")
    .ValidateOnStart();
builder.Services.AddOptions<SenderOptions>().BindConfiguration(SenderOptions.SectionName)
    .Validate(o => o.BatchSize > 0 && o.Connections is > 0 and <= 32, "Notifications:Sender needs a BatchSize above 0 and from 1 to 32 Connections.")
    .ValidateOnStart();
builder.Services.TryAddSingleton(TimeProvider.System);
builder.Services.AddSingleton<NotificationsMetrics>();
builder.Services.AddSingleton<MailTemplates>();
builder.Services.AddSingleton<MailQueue>();
builder.Services.AddSingleton<OrganiserMails>();
builder.Services.AddSingleton<DonorGoalMails>();
builder.Services.AddSingleton<GuestLinkRequests>();
builder.Services.AddSingleton<SendStore>();
// Parsed at startup: a missing or malformed SMTP setting stops the service before it takes any mail it could never send.
builder.Services.AddSingleton(SmtpSettings.Parse(builder.Configuration.GetConnectionString(SmtpSettings.ConnectionName)));
builder.Services.AddSingleton<IMailTransport, SmtpMailTransport>();
// No health check on the SMTP server: while it is down mail waits, and the service must stay up to keep taking it.
builder.Services.AddHostedService<MailSender>();

builder.AddServiceDatabase("notificationsdb");
// The access-token deny-list lives in Redis: a logged-out or suspended user's token is refused here too.
builder.AddRedisClient("redis");
builder.AddEventConsumer(NotificationsConsumer.QueueName, NotificationsConsumer.Configure);
builder.AddCareForAllAuthentication();
builder.AddCareForAllEndpoints();

var app = builder.Build();

// Fail fast, before any port opens, when Auth:GuestTokenKey is missing: guests' receipts could carry no history link.
_ = app.Services.GetRequiredService<GuestAccessTokens>();
_ = app.Services.GetRequiredService<IOptions<NotificationsOptions>>().Value;
// Compiles every template now: a broken template stops the deploy instead of the first mail that needs it.
_ = app.Services.GetRequiredService<MailTemplates>();

await app.MigrateDatabaseAsync(typeof(Program).Assembly);

app.UseAuthentication();
app.UseAuthorization();
app.UseCareForAllEndpoints();
app.MapDefaultEndpoints();

await app.RunAsync();
