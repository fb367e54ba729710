using System.Diagnostics;
using System.Text.RegularExpressions;
using Aspire.Hosting;

namespace CareForAll.IntegrationTests.Telemetry;

/// <summary>
/// Each service reports the release it runs (stamped at build time from its own git tag) in three places that must
/// agree: its <c>/version</c>, the dashboard's resource details and the <c>service.version</c> of its telemetry.
/// </summary>
[Collection(SharedPlatform.Name)]
public sealed partial class ServiceVersionTests(PlatformFixture platform)
{
    private readonly CancellationToken _ct = new CancellationTokenSource(TimeSpan.FromMinutes(2)).Token;

    [Fact]
    public async Task every_replica_answers_the_version_its_own_tag_gives_and_the_dashboard_shows_it()
    {
        var commits = new HashSet<string>(StringComparer.Ordinal);
        foreach (var service in PlatformFixture.Services)
        {
            var expected = ExpectedVersion(service);
            string? answered = null;
            foreach (var replica in await platform.ReplicaAddressesAsync(service, _ct))
            {
                using var client = new HttpClient { BaseAddress = replica };
                var (status, body, _) = await Api.SendAsync(client, HttpMethod.Get, "/version", cancellationToken: _ct);
                status.ShouldBe(System.Net.HttpStatusCode.OK, $"{service} at {replica}");
                var data = body["data"]!;
                data["service"]!.GetValue<string>().ShouldBe(service);
                var version = data["version"]!.GetValue<string>();
                SemanticVersion().IsMatch(version).ShouldBeTrue($"{service} answered {version}, a semantic version");
                expected(version);
                (answered ??= version).ShouldBe(version, $"every replica of {service} runs one build");
                commits.Add(data["commit"]!.GetValue<string>());
            }

            // The AppHost reads /version once the service is healthy and shows it in the resource's details.
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(_ct);
            deadline.CancelAfter(TimeSpan.FromSeconds(60));
            await platform.App.ResourceNotifications.WaitForResourceAsync(service, change =>
                change.Snapshot.Properties.Any(p => p.Name == "service.version" && Equals(p.Value, answered)), deadline.Token);
        }

        commits.Count.ShouldBe(1, "every service was built from one commit");
        commits.Single().ShouldMatch("^[0-9a-f]{40}$");
    }

    [Fact]
    public async Task the_telemetry_of_a_request_carries_the_version_of_each_service_it_crossed()
    {
        var versions = new Dictionary<string, string>();
        foreach (var service in new[] { "gateway", "campaigns" })
        {
            var (_, body, _) = await Api.SendAsync(new HttpClient { BaseAddress = (await platform.ReplicaAddressesAsync(service, _ct))[0] },
                HttpMethod.Get, "/version", cancellationToken: _ct);
            versions[service] = body["data"]!["version"]!.GetValue<string>();
        }

        var traceId = ActivityTraceId.CreateRandom().ToHexString();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/campaigns");
        request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
        (await platform.Gateway.SendAsync(request, _ct)).EnsureSuccessStatusCode();

        await Eventually.UntilAsync(
            () => Task.FromResult(versions.All(v => platform.Traces.Spans.Any(s => s.TraceId == traceId && s.Service == v.Key))),
            TimeSpan.FromSeconds(30), "the gateway and campaigns exported the request's spans");
        foreach (var span in platform.Traces.Spans.Where(s => s.TraceId == traceId && versions.ContainsKey(s.Service)))
        {
            span.ServiceVersion.ShouldBe(versions[span.Service], $"{span.Service}'s span {span.Name}");
        }
    }

    /// <summary>
    /// MinVer's rule for the service's own tag prefix: the tag's version on the tagged commit, the next patch as a
    /// pre-release after it, and 0.0.0-alpha.0.N before the first release.
    /// </summary>
    private static Action<string> ExpectedVersion(string service)
    {
        var (exit, tag) = Git("describe", "--tags", "--abbrev=0", "--match", $"{service}-v*");
        if (exit != 0)
        {
            return version => version.ShouldStartWith("0.0.0-alpha.0.", customMessage: $"{service} has no release tag yet");
        }

        var released = tag[$"{service}-v".Length..];
        var (_, onTag) = Git("tag", "--points-at", "HEAD", "--list", tag);
        if (onTag == tag)
        {
            return version => version.ShouldBe(released, $"{service} is built from its tag {tag}");
        }

        var core = Regex.Match(released, @"^(\d+)\.(\d+)\.(\d+)");
        var next = core.Success && !released.Contains('-', StringComparison.Ordinal)
            ? $"{core.Groups[1].Value}.{core.Groups[2].Value}.{int.Parse(core.Groups[3].Value, System.Globalization.CultureInfo.InvariantCulture) + 1}-alpha.0."
            : released + ".";
        return version => version.ShouldStartWith(next, customMessage: $"{service} is built after its tag {tag}");
    }

    private static (int Exit, string Output) Git(params string[] arguments)
    {
        var result = RepositoryCheckout.Run("git", arguments);
        return (result.ExitCode, result.Output.Trim());
    }

    [GeneratedRegex(@"^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$")]
    private static partial Regex SemanticVersion();
}
