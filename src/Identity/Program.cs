using CareForAll.Identity;
using CareForAll.Identity.Passwords;
using CareForAll.Identity.Tokens;
using CareForAll.Identity.Users;
using CareForAll.Identity.Verification;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();

builder.Services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.SectionName);
builder.Services.AddOptions<TokenLifetimes>().BindConfiguration(TokenLifetimes.SectionName);
builder.Services.AddOptions<PasswordOptions>().BindConfiguration(PasswordOptions.SectionName);
builder.Services.AddOptions<FirstAdminOptions>().BindConfiguration(FirstAdminOptions.SectionName);
builder.Services.AddOptions<EmailVerificationOptions>()
    .BindConfiguration(EmailVerificationOptions.SectionName)
    .Validate(
        o => o.Lifetime > TimeSpan.Zero && o.Window > TimeSpan.Zero && o.MaxMailsPerWindow >= 1,
        "Identity:EmailVerification needs a positive Lifetime and Window and a MaxMailsPerWindow of at least 1.")
    .ValidateOnStart();
builder.Services.TryAddSingleton(TimeProvider.System);
builder.Services.AddSingleton(sp => SigningKey.FromPem(sp.GetRequiredService<IOptions<AuthOptions>>().Value.SigningKey));
builder.Services.AddSingleton<PasswordHasher>();
builder.Services.AddSingleton<AccessTokenIssuer>();
builder.Services.AddSingleton<SessionIssuer>();
builder.Services.AddSingleton<RefreshTokenRevocation>();
builder.Services.AddSingleton<FirstAdminSeeder>();
builder.Services.AddSingleton<EmailVerifications>();
builder.Services.AddHostedService<ExpiredRefreshTokenCleanup>();
builder.Services.AddHostedService<ExpiredVerificationCleanup>();

builder.AddServiceDatabase("identitydb");
builder.AddRedisClient("redis");
builder.AddOutboxRelay();
// Identity validates its own tokens with its own key, without fetching its own JWKS over HTTP.
builder.AddCareForAllAuthentication(sp => [sp.GetRequiredService<SigningKey>().PublicSecurityKey]);
builder.AddCareForAllEndpoints();

var app = builder.Build();

// Fail fast, before any port opens, when the key is missing or unreadable.
var signingKey = app.Services.GetRequiredService<SigningKey>();
app.Logger.SigningKeyLoaded(signingKey.KeyId);
_ = app.Services.GetRequiredService<PasswordHasher>();

await app.MigrateDatabaseAsync(typeof(Program).Assembly);
await app.Services.GetRequiredService<FirstAdminSeeder>().SeedAsync(app.Lifetime.ApplicationStopping);

app.UseAuthentication();
app.UseAuthorization();
app.UseCareForAllEndpoints();
app.MapMessagingStatus();
app.MapDefaultEndpoints();

await app.RunAsync();
