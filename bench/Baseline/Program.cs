// The bare endpoint the benchmark compares the gateway's totals route with: the same machine, the same load, a body
// of the same shape and size, and nothing else (no proxy, no authentication, no telemetry, no logging per request).
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
builder.Services.ConfigureHttpJsonOptions(options =>
    options.SerializerOptions.TypeInfoResolverChain.Insert(0, BaselineJsonContext.Default));

var app = builder.Build();
var campaignId = Guid.Parse("6f1c2a3e-8a4b-4f55-9d0e-1b2c3d4e5f60");
app.MapGet("/totals", () => new Envelope(new Totals(
    campaignId, "Flood relief in Sylhet", "emergency", "active", 10_000_000m, 1_234_567.89m, "BDT", 4321, 98765,
    DateTimeOffset.UtcNow)));
app.Run();

internal sealed record Totals(
    Guid CampaignId,
    string Title,
    string CampaignType,
    string Status,
    decimal GoalAmount,
    decimal RaisedAmount,
    string Currency,
    int DonorCount,
    long Version,
    DateTimeOffset UpdatedAt);

internal sealed record Envelope(Totals Data);

[System.Text.Json.Serialization.JsonSerializable(typeof(Envelope))]
[System.Text.Json.Serialization.JsonSourceGenerationOptions(System.Text.Json.JsonSerializerDefaults.Web)]
internal sealed partial class BaselineJsonContext : System.Text.Json.Serialization.JsonSerializerContext;
