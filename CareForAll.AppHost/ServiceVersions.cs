using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace CareForAll.AppHost;

/// <summary>
/// Shows each service's running release in the dashboard's resource details. It is read from the service's own
/// <c>/version</c> once the service is healthy, so the dashboard shows what answered, not what the AppHost assumes was
/// built.
/// </summary>
internal static class ServiceVersions
{
    /// <summary>The resource property (and OpenTelemetry resource attribute) that carries the version.</summary>
    public const string VersionProperty = "service.version";

    /// <summary>The resource property that carries the commit the running build came from.</summary>
    public const string CommitProperty = "service.commit";

    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(5) };

    // A service that has just turned healthy on a busy machine may miss one answer; the detail is worth a few tries.
    private static readonly ResiliencePipeline Retry = new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            MaxRetryAttempts = 3,
            Delay = TimeSpan.FromSeconds(2),
            ShouldHandle = new PredicateBuilder().Handle<HttpRequestException>().Handle<TaskCanceledException>(),
        })
        .Build();

    public static IResourceBuilder<ProjectResource> WithVersionInDashboard(this IResourceBuilder<ProjectResource> service) =>
        service.OnResourceReady((resource, @event, cancellationToken) =>
        {
            // Dependants wait for this event's handlers, so the version is read off their path.
            _ = ShowVersionAsync(resource, @event.Services, cancellationToken);
            return Task.CompletedTask;
        });

    private static async Task ShowVersionAsync(ProjectResource resource, IServiceProvider services, CancellationToken cancellationToken)
    {
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ServiceVersions).FullName!);
        try
        {
            var address = new Uri(new Uri(resource.GetEndpoint("http").Url), "/version");
            var answer = await Retry.ExecuteAsync(
                async token => await Http.GetFromJsonAsync<VersionEnvelope>(address, token), cancellationToken);
            if (answer?.Data is not { Version: { } version } data)
            {
                logger.LogWarning("{Resource} answered /version without a version", resource.Name);
                return;
            }

            await services.GetRequiredService<ResourceNotificationService>().PublishUpdateAsync(resource, snapshot => snapshot with
            {
                Properties = snapshot.Properties
                    .RemoveAll(p => p.Name is VersionProperty or CommitProperty)
                    .Add(new ResourcePropertySnapshot(VersionProperty, version) { DisplayName = "Version", IsHighlighted = true })
                    .Add(new ResourcePropertySnapshot(CommitProperty, data.Commit) { DisplayName = "Commit", IsHighlighted = true }),
            });
        }
        catch (Exception error) when (error is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException)
        {
            // Only the dashboard's detail is missing; the service itself is healthy.
            logger.LogWarning(error, "Could not read the version of {Resource}", resource.Name);
        }
    }

    private sealed record VersionEnvelope(VersionData? Data);

    private sealed record VersionData(string? Service, string? Version, string? Commit);
}
