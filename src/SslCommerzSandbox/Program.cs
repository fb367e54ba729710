using CareForAll.SslCommerzSandbox;
using CareForAll.SslCommerzSandbox.Checkout;
using CareForAll.SslCommerzSandbox.Control;
using CareForAll.SslCommerzSandbox.Gateway;
using CareForAll.SslCommerzSandbox.Notifications;
using CareForAll.SslCommerzSandbox.Refunds;
using CareForAll.SslCommerzSandbox.Session;
using CareForAll.SslCommerzSandbox.TransactionQuery;
using CareForAll.SslCommerzSandbox.Validation;
using Microsoft.Extensions.DependencyInjection.Extensions;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();

builder.Services.AddOptions<SandboxOptions>().BindConfiguration(SandboxOptions.SectionName);
builder.Services.TryAddSingleton(TimeProvider.System);

// The gateway's state lives in memory: the emulator is a development and test tool, restarted at will.
builder.Services.AddSingleton<Ledger>();
builder.Services.AddSingleton<StoreCredentials>();
builder.Services.AddSingleton<AttemptFactory>();
builder.Services.AddSingleton<SessionOpener>();
builder.Services.AddSingleton<PaymentCompletion>();
builder.Services.AddSingleton<OrderValidation>();
builder.Services.AddSingleton<TransactionQueries>();
builder.Services.AddSingleton<RefundDesk>();
builder.Services.AddSingleton<NotificationComposer>();
builder.Services.AddSingleton<NotificationDispatcher>();
builder.Services.AddSingleton<NotificationPoster>();
builder.Services.AddSingleton<DeliveryJournal>();
builder.Services.AddSingleton<BackgroundWork>();
builder.Services.AddSingleton<SandboxControl>();
NotificationPoster.Configure(builder.Services);

var app = builder.Build();

app.MapSessionApi();
app.MapCheckout();
app.MapGatewayImages();
app.MapValidationApi();
app.MapMerchantTransIdApi();
app.MapSandboxControl();
app.MapDefaultEndpoints();

await app.RunAsync();
