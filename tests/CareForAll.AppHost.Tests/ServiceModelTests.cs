using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;

namespace CareForAll.AppHost.Tests;

/// <summary>The services the AppHost declares when run; nothing is started.</summary>
public sealed class ServiceModelTests
{
    [Fact]
    public async Task payments_and_query_run_two_replicas_beside_the_sslcommerz_sandbox_and_every_service_waits_for_its_database()
    {
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.CareForAll_AppHost>(
            ["--Infrastructure:Mode=local", "--Infrastructure:Local:Isolated=true", "--Gateway:Port=0"]);
        var resources = builder.Resources.ToDictionary(r => r.Name, StringComparer.OrdinalIgnoreCase);

        resources["payments"].Annotations.OfType<ReplicaAnnotation>().Single().Replicas.ShouldBe(2);
        resources["query"].Annotations.OfType<ReplicaAnnotation>().Single().Replicas.ShouldBe(2);
        resources["sslcommerz"].ShouldBeOfType<ProjectResource>();
        foreach (var service in new[] { "identity", "campaigns", "pledges", "payments", "query", "notifications", "admin" })
        {
            resources[service].Annotations.OfType<WaitAnnotation>().Select(w => w.Resource.Name)
                .ShouldContain($"{service}db", $"{service} waits for its own database");
        }
    }

    [Fact]
    public async Task service_settings_from_the_apphost_reach_only_the_service_they_name()
    {
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.CareForAll_AppHost>(
        [
            "--Infrastructure:Mode=local", "--Infrastructure:Local:Isolated=true", "--Gateway:Port=0",
            "--ServiceSettings:payments:Payments:Reconciliation:MinimumAge=00:00:03",
        ]);
        var resources = builder.Resources.ToDictionary(r => r.Name, StringComparer.OrdinalIgnoreCase);

        (await EnvironmentOf(resources["payments"]))["Payments__Reconciliation__MinimumAge"].ShouldBe("00:00:03");
        (await EnvironmentOf(resources["pledges"])).ShouldNotContainKey("Payments__Reconciliation__MinimumAge");
    }

    [Fact]
    public async Task notifications_sends_through_the_smtp_sink_and_links_to_the_public_url()
    {
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.CareForAll_AppHost>(
            ["--Infrastructure:Mode=local", "--Infrastructure:Local:Isolated=true", "--Gateway:Port=0"]);
        var resources = builder.Resources.ToDictionary(r => r.Name, StringComparer.OrdinalIgnoreCase);

        var environment = await EnvironmentOf(resources["notifications"]);
        environment.ShouldContainKey("ConnectionStrings__smtp");
        environment.ShouldContainKey("Notifications__PublicBaseUrl");
        environment.ShouldContainKey("Auth__GuestTokenKey");
        resources["gateway"].Annotations.OfType<WaitAnnotation>().Select(w => w.Resource.Name)
            .ShouldBe(["identity", "campaigns", "pledges", "payments", "query", "notifications", "admin", "redis", "rabbitmq"], ignoreOrder: true);
    }

    [Fact]
    public async Task the_gateway_serves_the_web_apps_build_and_vites_dev_server_runs_only_when_asked_for()
    {
        var plain = await DistributedApplicationTestingBuilder.CreateAsync<Projects.CareForAll_AppHost>(
            ["--Infrastructure:Mode=local", "--Infrastructure:Local:Isolated=true", "--Gateway:Port=0"]);
        var withDevServer = await DistributedApplicationTestingBuilder.CreateAsync<Projects.CareForAll_AppHost>(
            ["--Infrastructure:Mode=local", "--Infrastructure:Local:Isolated=true", "--Gateway:Port=0", "--Web:DevServer=true"]);

        var gateway = plain.Resources.Single(r => r.Name == "gateway");
        var root = (await EnvironmentOf(gateway))["Web__Root"].ShouldBeOfType<string>();
        Path.IsPathRooted(root).ShouldBeTrue();
        root.Replace('\\', '/').ShouldEndWith("src/web/dist");
        File.Exists(Path.Combine(root, "..", "package.json")).ShouldBeTrue("Web__Root points into the web app's folder");
        plain.Resources.ShouldNotContain(r => r.Name == "web");

        var web = withDevServer.Resources.Single(r => r.Name == "web").ShouldBeOfType<ExecutableResource>();
        web.Command.ShouldBe("npm");
        web.Annotations.OfType<WaitAnnotation>().Select(w => w.Resource.Name).ShouldContain("gateway");
        (await EnvironmentOf(web))["CAREFORALL_GATEWAY_URL"].ShouldBeOfType<string>().ShouldStartWith("http://localhost:");
    }

    private static async Task<Dictionary<string, object>> EnvironmentOf(IResource resource)
    {
        var context = new EnvironmentCallbackContext(
            new DistributedApplicationExecutionContext(DistributedApplicationOperation.Run), resource, [], CancellationToken.None);
        foreach (var callback in resource.Annotations.OfType<EnvironmentCallbackAnnotation>())
        {
            await callback.Callback(context);
        }

        return context.EnvironmentVariables.ToDictionary(e => e.Key, e => e.Value);
    }
}
