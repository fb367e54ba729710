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

    private static readonly string[] ListeningResources = ["postgres", "redis", "rabbitmq", "smtp", "gateway"];

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

    [Fact]
    public async Task an_isolated_run_listens_below_the_ephemeral_ports_so_no_proxy_or_connection_takes_them_first()
    {
        var local = await ResourcesAsync("local");
        var ephemeralStart = FreePorts.EphemeralRangeStart();

        var ports = ListeningResources
            .SelectMany(name => local[name].Annotations.OfType<EndpointAnnotation>().Select(e => (name, e.Name, e.Port)))
            .ToList();

        ports.ShouldNotBeEmpty();
        foreach (var (resource, endpoint, port) in ports)
        {
            port.ShouldNotBeNull($"{resource}/{endpoint} has a port of its own");
            port.Value.ShouldBeLessThan(ephemeralStart, $"{resource}/{endpoint}");
        }

        ports.Select(p => p.Port).Distinct().Count().ShouldBe(ports.Count, "no port is handed out twice");
    }

    [Fact]
    public void the_ephemeral_range_is_read_from_the_system_and_defaults_when_it_cannot_be()
    {
        var file = Path.Combine(_dataDirectory, "range");
        Directory.CreateDirectory(_dataDirectory);
        File.WriteAllText(file, "40000\t60999\n");

        FreePorts.EphemeralRangeStart(file).ShouldBe(40000);
        FreePorts.EphemeralRangeStart(Path.Combine(_dataDirectory, "missing")).ShouldBe(32768);
        FreePorts.Take(5, new Random(7), ephemeralStart: 20010).ShouldAllBe(port => port >= 20000 && port < 20010);
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
