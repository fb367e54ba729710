using CareForAll.AppHost;
using CareForAll.AppHost.Infrastructure;
using CareForAll.AppHost.Secrets;

var builder = DistributedApplication.CreateBuilder(args);

// Infrastructure: containers where a container runtime answers, local processes elsewhere (see Infrastructure/).
var infrastructure = builder.AddPlatformInfrastructure();
var redis = infrastructure.Redis;
var rabbitMQ = infrastructure.RabbitMQ;
// One database per service, each owned by its service alone (ARCHITECTURE.md section 3).
var databases = infrastructure.AddDatabases("identity", "campaigns", "pledges", "payments", "query", "notifications", "admin");
var identityDb = databases["identity"];

// Secrets: required inputs when published, development values when run locally (README.md lists them).
var signingKey = builder.AddTokenSigningKey();
var adminEmail = builder.AddAdminEmail();
var adminPassword = builder.AddAdminPassword();

var identity = builder.AddProject<Projects.CareForAll_Identity>("identity")
    .WithReference(identityDb).WaitFor(identityDb)
    .WithReference(redis).WaitFor(redis)
    .WithReference(rabbitMQ).WaitFor(rabbitMQ)
    .WithEnvironment("Auth__SigningKey", signingKey)
    .WithEnvironment("Identity__FirstAdmin__Email", adminEmail)
    .WithEnvironment("Identity__FirstAdmin__Password", adminPassword)
    .WithHttpHealthCheck("/health");

// The one address every client uses: http://localhost:8080 in development, a free port for a test run (Gateway:Port=0).
// Not proxied, so the gateway sees each client's own address, which its rate limits partition by.
var gatewayPort = GatewayPort.Resolve(builder.Configuration);
builder.AddProject<Projects.CareForAll_Gateway>("gateway")
    .WithEndpoint("http", endpoint =>
    {
        endpoint.Port = gatewayPort;
        endpoint.TargetPort = gatewayPort;
        endpoint.IsProxied = false;
    })
    .WithReference(identity).WaitFor(identity)
    .WithReference(redis).WaitFor(redis)
    .WithExternalHttpEndpoints()
    .WithHttpHealthCheck("/health");

builder.Build().Run();
