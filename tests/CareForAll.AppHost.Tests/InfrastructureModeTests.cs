using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using CareForAll.AppHost.Infrastructure;
using CareForAll.AppHost.Local;

namespace CareForAll.AppHost.Tests;

/// <summary>The application model the AppHost declares in each infrastructure mode; nothing is started.</summary>
public sealed class InfrastructureModeTests : IDisposable
{
    private static readonly string[] InfrastructureNames =
        ["postgres", "redis", "rabbitmq", "smtp", "identitydb", "campaignsdb", "pledgesdb", "paymentsdb", "querydb", "notificationsdb", "admindb"];

    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), $"careforall-model-{Guid.NewGuid():N}");

    [Fact]
    public async Task both_modes_give_the_services_the_same_resource_and_connection_names()
    {
        var containers = await ResourcesAsync("containers");
        var local = await ResourcesAsync("local");

        containers.Keys.Order().ShouldBe(local.Keys.Order());
        foreach (var name in InfrastructureNames)
        {
            containers[name].ShouldBeAssignableTo<IResourceWithConnectionString>(name);
            local[name].ShouldBeAssignableTo<IResourceWithConnectionString>(name);
        }
    }

    [Fact]
    public async Task local_mode_runs_the_infrastructure_as_processes_with_readiness_checks()
    {
        var local = await ResourcesAsync("local");

        local["postgres"].ShouldBeOfType<LocalPostgresServerResource>();
        local["redis"].ShouldBeOfType<LocalRedisResource>();
        local["rabbitmq"].ShouldBeOfType<LocalRabbitMQResource>();
        local["smtp"].ShouldBeOfType<LocalSmtpSinkResource>();
        local["identitydb"].ShouldBeOfType<LocalPostgresDatabaseResource>().DatabaseName.ShouldBe("identity");
        foreach (var name in InfrastructureNames)
        {
            local[name].Annotations.OfType<HealthCheckAnnotation>().ShouldNotBeEmpty($"{name} has no readiness check");
        }
    }

    [Fact]
    public async Task containers_mode_pins_postgres_and_turns_on_the_rabbitmq_management_ui()
    {
        var containers = await ResourcesAsync("containers");

        containers["postgres"].ShouldBeOfType<PostgresServerResource>()
            .Annotations.OfType<ContainerImageAnnotation>().Single().Tag.ShouldBe("17.6");
        containers["identitydb"].ShouldBeOfType<PostgresDatabaseResource>().DatabaseName.ShouldBe("identity");
        containers["rabbitmq"].ShouldBeOfType<RabbitMQServerResource>()
            .Annotations.OfType<ContainerImageAnnotation>().Single().Tag!.ShouldContain("management");
        containers["smtp"].ShouldBeOfType<SmtpSinkContainerResource>();
    }

    [Fact]
    public void publishing_always_describes_containers_even_when_local_mode_is_asked_for()
    {
        var builder = DistributedApplication.CreateBuilder(
            ["--publisher", "manifest", "--output-path", Path.Combine(_dataDirectory, "manifest.json"), "--Infrastructure:Mode=local"]);

        var infrastructure = builder.AddPlatformInfrastructure();

        infrastructure.Mode.ShouldBe(InfrastructureMode.Containers);
        builder.Resources.OfType<ExecutableResource>().ShouldBeEmpty();
        // A real mail service when deployed, never the development sink.
        infrastructure.Smtp.Resource.ShouldBeAssignableTo<ParameterResource>();
    }

    [Fact]
    public void a_missing_binary_fails_with_one_message_that_names_the_package()
    {
        var error = Should.Throw<DistributedApplicationException>(() => HostBinaries.Require("careforall-no-such-server", "careforall-server-package"));

        error.Message.ShouldContain("careforall-no-such-server");
        error.Message.ShouldContain("apt-get install -y careforall-server-package");
    }

    [Fact]
    public void an_unknown_mode_is_refused_by_name()
    {
        var builder = DistributedApplication.CreateBuilder(["--Infrastructure:Mode=kubernetes"]);

        Should.Throw<DistributedApplicationException>(() => builder.AddPlatformInfrastructure())
            .Message.ShouldContain("kubernetes");
    }

    private async Task<Dictionary<string, IResource>> ResourcesAsync(string mode)
    {
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.CareForAll_AppHost>(
        [
            $"--Infrastructure:Mode={mode}",
            "--Infrastructure:Local:Isolated=true",
            $"--Infrastructure:Local:DataDirectory={Path.Combine(_dataDirectory, mode)}",
            "--Gateway:Port=0",
        ]);
        return builder.Resources.ToDictionary(r => r.Name, StringComparer.OrdinalIgnoreCase);
    }

    public void Dispose()
    {
        if (Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }
}
