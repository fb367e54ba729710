using Microsoft.Extensions.Configuration;
using CareForAll.AppHost.Infrastructure;
using CareForAll.AppHost.Secrets;

var builder = DistributedApplication.CreateBuilder(args);

// Infrastructure: containers where a container runtime answers, local processes elsewhere (see Infrastructure/).
var infrastructure = builder.AddPlatformInfrastructure();
var redis = infrastructure.Redis;
var rabbitMQ = infrastructure.RabbitMQ;
var identityDb = infrastructure.AddDatabase("identity");

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

// The one address every client uses: fixed in development (http://localhost:8080), chosen freely by a test run.
var gatewayPort = builder.Configuration.GetValue("Gateway:Port", 8080);
builder.AddProject<Projects.CareForAll_Gateway>("gateway")
    .WithEndpoint("http", endpoint =>
    {
        endpoint.Port = gatewayPort == 0 ? null : gatewayPort;
        endpoint.IsProxied = gatewayPort == 0;
    })
    .WithReference(identity).WaitFor(identity)
    .WithReference(redis).WaitFor(redis)
    .WithExternalHttpEndpoints()
    .WithHttpHealthCheck("/health");

builder.Build().Run();
