using CareForAll.Payments.Configuration;
using CareForAll.Payments.Notifications;
using CareForAll.Payments.Pledges;
using CareForAll.Payments.Reconciliation;
using CareForAll.Payments.Refunds;
using CareForAll.Payments.SslCommerz;
using CareForAll.Payments.Telemetry;
using CareForAll.ServiceDefaults.Auth;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();

AddValidatedOptions<PaymentsOptions>(builder, PaymentsOptions.SectionName, o => o.Problem());
AddValidatedOptions<SslCommerzOptions>(builder, SslCommerzOptions.SectionName, o => o.Problem());
AddValidatedOptions<ReconciliationOptions>(builder, ReconciliationOptions.SectionName, o => o.Problem());
AddValidatedOptions<RefundTrackingOptions>(builder, RefundTrackingOptions.SectionName, o => o.Problem());

builder.Services.TryAddSingleton(TimeProvider.System);
builder.Services.AddSingleton<PaymentsMetrics>();
builder.Services.AddTransient<NotificationProcessor>();
builder.Services.AddTransient<RefundRequests>();
builder.Services.AddTransient<ReconciliationRun>();
builder.Services.AddTransient<RefundPolling>();
builder.Services.AddHostedService<PaymentReconciliation>();
builder.Services.AddHostedService<RefundTracker>();

builder.Services.AddHttpClient<PledgesClient>((services, http) =>
    http.BaseAddress = BaseAddress(services.GetRequiredService<IOptions<PaymentsOptions>>().Value.PledgesBaseUrl));

builder.Services.AddSslCommerzClient();

builder.AddServiceDatabase("paymentsdb");
builder.AddRedisClient("redis");
builder.AddOutboxRelay();
builder.AddCareForAllAuthentication();
builder.AddCareForAllEndpoints();

var app = builder.Build();

// Fail fast, before any port opens: guests' pledge tokens are checked with Auth:GuestTokenKey.
_ = app.Services.GetRequiredService<GuestAccessTokens>();

await app.MigrateDatabaseAsync(typeof(Program).Assembly);

app.UseAuthentication();
app.UseAuthorization();
app.UseCareForAllEndpoints();
app.MapMessagingStatus();
app.MapDefaultEndpoints();

await app.RunAsync();

static void AddValidatedOptions<TOptions>(WebApplicationBuilder builder, string section, Func<TOptions, string?> problem)
    where TOptions : class
{
    builder.Services.AddOptions<TOptions>().BindConfiguration(section).ValidateOnStart();
    builder.Services.AddSingleton<IValidateOptions<TOptions>>(new OptionsProblemValidator<TOptions>(problem));
}

static Uri BaseAddress(string url) => new(url.TrimEnd('/') + "/");
