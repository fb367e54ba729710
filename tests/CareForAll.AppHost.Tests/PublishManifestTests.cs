using System.Text.Json.Nodes;
using CareForAll.Testing;

namespace CareForAll.AppHost.Tests;

/// <summary>
/// The Aspire manifest <c>azd up</c> deploys from, generated offline exactly as azd generates it: every service and
/// every piece of infrastructure, every secret a secret input, and nothing that only exists for development.
/// </summary>
public sealed class PublishManifestTests : IClassFixture<PublishManifestTests.PublishedManifest>
{
    private static readonly string[] Services = ["identity", "campaigns", "pledges", "payments", "query", "notifications", "admin", "gateway"];
    private static readonly string[] Databases = ["identitydb", "campaignsdb", "pledgesdb", "paymentsdb", "querydb", "notificationsdb", "admindb"];
    private static readonly string[] SecretInputs = ["jwt-signing-key", "guest-token-key", "sslcommerz-store-password", "admin-email", "admin-password", "smtp"];
    private static readonly string[] PlainInputs = ["sslcommerz-store-id", "sslcommerz-base-url", "public-url"];

    private readonly PublishedManifest _manifest;

    public PublishManifestTests(PublishedManifest manifest) => _manifest = manifest;

    private JsonObject Resources => _manifest.Document["resources"]!.AsObject();

    [Fact]
    public void every_service_is_a_project_built_from_its_own_folder()
    {
        var projects = Resources.Where(r => Type(r.Value) == "project.v0").Select(r => r.Key).ToList();

        projects.ShouldBe(Services, ignoreOrder: true);
        foreach (var service in Services)
        {
            var path = Resources[service]!["path"]!.GetValue<string>();
            File.Exists(Path.GetFullPath(Path.Combine(_manifest.Directory, path))).ShouldBeTrue($"{service}'s project {path} exists");
        }
    }

    [Fact]
    public void postgres_redis_and_rabbitmq_are_there_with_one_database_per_service()
    {
        foreach (var store in new[] { "postgres", "redis", "rabbitmq" })
        {
            Type(Resources[store]).ShouldBe("container.v0", $"{store} is deployed as a container (or pointed at a managed service)");
        }

        foreach (var database in Databases)
        {
            Resources[database].ShouldNotBeNull($"{database} is in the manifest");
            Resources[database]!["connectionString"]!.GetValue<string>().ShouldContain("{postgres.connectionString}");
        }

        foreach (var (service, database) in Services.Zip(Databases))
        {
            Environment(service)[$"ConnectionStrings__{database}"]!.GetValue<string>().ShouldBe($"{{{database}.connectionString}}");
        }
    }

    [Fact]
    public void every_secret_is_a_secret_input_with_no_value_of_its_own()
    {
        foreach (var name in SecretInputs)
        {
            var input = Input(name);
            (input["secret"]?.GetValue<bool>() ?? false).ShouldBeTrue($"{name} is secret");
            input["default"].ShouldBeNull($"{name} has no default, so the deployment must be given one");
        }

        foreach (var name in PlainInputs)
        {
            Input(name)["default"].ShouldBeNull($"{name} is asked for at deployment");
        }
    }

    [Fact]
    public void services_take_their_secrets_from_the_inputs_never_as_values()
    {
        Environment("identity")["Auth__SigningKey"]!.GetValue<string>().ShouldBe("{jwt-signing-key.value}");
        Environment("identity")["Identity__FirstAdmin__Email"]!.GetValue<string>().ShouldBe("{admin-email.value}");
        Environment("identity")["Identity__FirstAdmin__Password"]!.GetValue<string>().ShouldBe("{admin-password.value}");
        Environment("payments")["SslCommerz__StorePassword"]!.GetValue<string>().ShouldBe("{sslcommerz-store-password.value}");
        Environment("payments")["SslCommerz__BaseUrl"]!.GetValue<string>().ShouldBe("{sslcommerz-base-url.value}");
        Environment("notifications")["ConnectionStrings__smtp"]!.GetValue<string>().ShouldBe("{smtp.connectionString}");
        foreach (var service in new[] { "pledges", "payments", "query", "notifications" })
        {
            Environment(service)["Auth__GuestTokenKey"]!.GetValue<string>().ShouldBe("{guest-token-key.value}");
        }

        _manifest.Text.ShouldNotContain(Secrets.PlatformSecrets.DevelopmentAdminPassword);
        _manifest.Text.ShouldNotContain(Secrets.PlatformSecrets.DevelopmentStoreId);
        _manifest.Text.ShouldNotContain("PRIVATE KEY");
    }

    [Fact]
    public void nothing_development_only_is_deployed()
    {
        Resources.ShouldNotContainKey("sslcommerz", "the SSLCommerz sandbox is for development and tests only");
        Resources.ShouldNotContainKey("web", "Vite's dev server is for development only");
        Type(Resources["smtp"]).ShouldBe("parameter.v0", "mail goes to a real SMTP service, never the sink");
        Resources.Select(r => Type(r.Value)).ShouldNotContain("executable.v0", "no local process is deployed");
        foreach (var (name, resource) in Resources)
        {
            (resource!["image"]?.GetValue<string>() ?? string.Empty).ShouldNotContain("smtp4dev", customMessage: $"{name} is not the SMTP sink");
        }

        foreach (var service in Services)
        {
            foreach (var (key, value) in Environment(service))
            {
                key.ShouldNotStartWith("Web__", customMessage: $"{service} serves its own build when deployed");
                key.ShouldNotStartWith("Infrastructure__", customMessage: $"{service} knows nothing of how development runs it");
                var text = value?.GetValue<string>() ?? string.Empty;
                text.ShouldNotContain("localhost", Case.Insensitive, customMessage: $"{service}'s {key} points at nothing local");
                text.ShouldNotContain("127.0.0.1", customMessage: $"{service}'s {key} points at nothing local");
            }
        }
    }

    [Fact]
    public void only_the_gateway_is_reachable_from_outside()
    {
        foreach (var service in Services)
        {
            var external = Resources[service]!["bindings"]!.AsObject()
                .Any(binding => binding.Value!["external"]?.GetValue<bool>() == true);
            external.ShouldBe(service == "gateway", $"{service} external");
        }
    }

    [Fact]
    public void azure_yaml_names_the_apphost()
    {
        var azureYaml = File.ReadAllLines(Path.Combine(_manifest.RepositoryRoot, "azure.yaml"));
        var project = azureYaml.Select(line => line.Trim()).Single(line => line.StartsWith("project:", StringComparison.Ordinal));

        var path = project["project:".Length..].Trim();
        path.ShouldEndWith("CareForAll.AppHost/CareForAll.AppHost.csproj");
        File.Exists(Path.Combine(_manifest.RepositoryRoot, path)).ShouldBeTrue();
        azureYaml.ShouldContain(line => line.Trim() == "host: containerapp");
    }

    private JsonObject Environment(string service) => Resources[service]!["env"]!.AsObject();

    private JsonObject Input(string parameter)
    {
        var resource = Resources[parameter].ShouldNotBeNull($"{parameter} is an input of the deployment");
        Type(resource).ShouldBe("parameter.v0");
        return resource["inputs"]!["value"]!.AsObject();
    }

    private static string? Type(JsonNode? resource) => resource?["type"]?.GetValue<string>();

    /// <summary>The manifest, written once for the class by the AppHost itself in publish mode, offline.</summary>
    public class PublishedManifest : IAsyncLifetime
    {
#if DEBUG
        private const string Configuration = "Debug";
#else
        private const string Configuration = "Release";
#endif

        public string RepositoryRoot { get; } = RepositoryCheckout.Root;

        public string Directory { get; } = Path.Combine(Path.GetTempPath(), "careforall-manifest-" + Guid.NewGuid().ToString("N"));

        public string Text { get; private set; } = string.Empty;

        public JsonNode Document { get; private set; } = new JsonObject();

        /// <summary>The AppHost's <c>Infrastructure:Mode</c> when publishing, as an operator would set it before <c>azd up</c>.</summary>
        protected virtual string? InfrastructureMode => null;

        public Task InitializeAsync()
        {
            System.IO.Directory.CreateDirectory(Directory);
            var output = Path.Combine(Directory, "aspire-manifest.json");
            // What azd runs, minus the build the test run has already done.
            var result = RepositoryCheckout.Run(
                "dotnet",
                [
                    "run", "--project", Path.Combine(RepositoryRoot, "CareForAll.AppHost"), "--no-build", "-c", Configuration,
                    "--no-launch-profile", "--", "--publisher", "manifest", "--output-path", output,
                ],
                environment: InfrastructureMode is null ? null : new Dictionary<string, string> { ["Infrastructure__Mode"] = InfrastructureMode },
                timeout: TimeSpan.FromMinutes(3));

            result.ExitCode.ShouldBe(0, $"the AppHost wrote its manifest:\n{result.Output}\n{result.Error}");
            Text = File.ReadAllText(output);
            Document = JsonNode.Parse(Text)!;
            return Task.CompletedTask;
        }

        public Task DisposeAsync()
        {
            System.IO.Directory.Delete(Directory, recursive: true);
            return Task.CompletedTask;
        }
    }
}

/// <summary>
/// The manifest for production against managed services (<c>Infrastructure__Mode=managed azd up</c>): no PostgreSQL,
/// Redis or RabbitMQ container, each service's database and the brokers given as secret connection strings.
/// </summary>
public sealed class ManagedPublishManifestTests(ManagedPublishManifestTests.ManagedManifest manifest)
    : IClassFixture<ManagedPublishManifestTests.ManagedManifest>
{
    private static readonly string[] ConnectionStrings =
        ["identitydb", "campaignsdb", "pledgesdb", "paymentsdb", "querydb", "notificationsdb", "admindb", "redis", "rabbitmq", "smtp"];

    private JsonObject Resources => manifest.Document["resources"]!.AsObject();

    [Fact]
    public void no_store_runs_as_a_container_and_every_connection_is_a_secret_input()
    {
        Resources.Select(r => r.Value!["type"]!.GetValue<string>()).ShouldNotContain("container.v0");
        Resources.ShouldNotContainKey("postgres");
        foreach (var name in ConnectionStrings)
        {
            var resource = Resources[name].ShouldNotBeNull($"{name} is an input of the deployment");
            resource["type"]!.GetValue<string>().ShouldBe("parameter.v0");
            var input = resource["inputs"]!["value"]!;
            (input["secret"]?.GetValue<bool>() ?? false).ShouldBeTrue($"{name} is secret");
            input["default"].ShouldBeNull($"{name} has no default");
        }
    }

    [Fact]
    public void every_service_is_still_there_and_reads_the_same_connection_names()
    {
        Resources.Where(r => r.Value!["type"]!.GetValue<string>() == "project.v0").Select(r => r.Key)
            .ShouldBe(["identity", "campaigns", "pledges", "payments", "query", "notifications", "admin", "gateway"], ignoreOrder: true);
        var payments = Resources["payments"]!["env"]!.AsObject();
        payments["ConnectionStrings__paymentsdb"]!.GetValue<string>().ShouldBe("{paymentsdb.connectionString}");
        payments["ConnectionStrings__redis"]!.GetValue<string>().ShouldBe("{redis.connectionString}");
        payments["ConnectionStrings__rabbitmq"]!.GetValue<string>().ShouldBe("{rabbitmq.connectionString}");
    }

    public sealed class ManagedManifest : PublishManifestTests.PublishedManifest
    {
        protected override string? InfrastructureMode => "managed";
    }
}
