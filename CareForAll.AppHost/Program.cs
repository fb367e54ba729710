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

// Secrets: required inputs when published, development values when run locally (README.md lists them).
var signingKey = builder.AddTokenSigningKey();
var guestTokenKey = builder.AddGuestTokenKey();
var adminEmail = builder.AddAdminEmail();
var adminPassword = builder.AddAdminPassword();
var storeId = builder.AddSslCommerzStoreId();
var storePassword = builder.AddSslCommerzStorePassword();

// The one address every client uses: http://localhost:8080 in development, a free port for a test run (Gateway:Port=0).
var gatewayPort = GatewayPort.Resolve(builder.Configuration);
// Where SSLCommerz sends donors' browsers and its notifications back to: the gateway's public address.
var publicUrl = builder.AddPublicUrl(gatewayPort);

var identity = builder.AddProject<Projects.CareForAll_Identity>("identity")
    .WithServiceDatabase(databases["identity"]).WithMessaging(redis, rabbitMQ)
    .WithEnvironment("Auth__SigningKey", signingKey)
    .WithEnvironment("Identity__FirstAdmin__Email", adminEmail)
    .WithEnvironment("Identity__FirstAdmin__Password", adminPassword)
    .WithSettingsFrom(builder.Configuration)
    .WithHttpHealthCheck("/health")
    .WithVersionInDashboard();

// Every service checks tokens itself too, against identity's published keys.
var campaigns = builder.AddProject<Projects.CareForAll_Campaigns>("campaigns")
    .WithServiceDatabase(databases["campaigns"]).WithMessaging(redis, rabbitMQ)
    .WithReference(identity)
    .WithSettingsFrom(builder.Configuration)
    .WithHttpHealthCheck("/health")
    .WithVersionInDashboard();

var pledges = builder.AddProject<Projects.CareForAll_Pledges>("pledges")
    .WithServiceDatabase(databases["pledges"]).WithMessaging(redis, rabbitMQ)
    .WithReference(identity)
    .WithReference(campaigns)
    .WithEnvironment("Auth__GuestTokenKey", guestTokenKey)
    .WithSettingsFrom(builder.Configuration)
    .WithHttpHealthCheck("/health")
    .WithVersionInDashboard();

// Two replicas, so a notification racing its own duplicate on another replica is the normal case, not a theory.
var payments = builder.AddProject<Projects.CareForAll_Payments>("payments")
    .WithServiceDatabase(databases["payments"]).WithMessaging(redis, rabbitMQ)
    .WithReference(identity)
    .WithReference(pledges)
    .WithEnvironment("Auth__GuestTokenKey", guestTokenKey)
    .WithEnvironment("SslCommerz__StoreId", storeId)
    .WithEnvironment("SslCommerz__StorePassword", storePassword)
    .WithEnvironment("Payments__PublicBaseUrl", publicUrl)
    .WithReplicas(2)
    .WithSettingsFrom(builder.Configuration)
    .WithHttpHealthCheck("/health")
    .WithVersionInDashboard();

if (builder.ExecutionContext.IsPublishMode)
{
    payments.WithEnvironment("SslCommerz__BaseUrl", builder.AddParameter("sslcommerz-base-url"));
}
else
{
    // The SSLCommerz sandbox emulator, for development and tests only; it shares the store's credentials.
    var sslcommerz = builder.AddProject<Projects.CareForAll_SslCommerzSandbox>("sslcommerz")
        .WithEnvironment("Sandbox__StoreId", storeId)
        .WithEnvironment("Sandbox__StorePassword", storePassword)
        .WithSettingsFrom(builder.Configuration)
        .WithHttpHealthCheck("/health")
        .WithVersionInDashboard();
    payments.WithReference(sslcommerz).WaitFor(sslcommerz)
        .WithEnvironment("SslCommerz__BaseUrl", sslcommerz.GetEndpoint("http"));
}

// The read side. Two replicas, so a cache invalidation or a live total that reached only one replica would show.
var query = builder.AddProject<Projects.CareForAll_Query>("query")
    .WithServiceDatabase(databases["query"]).WithMessaging(redis, rabbitMQ)
    .WithReference(identity)
    .WithReference(campaigns)
    .WithReference(pledges)
    .WithEnvironment("Auth__GuestTokenKey", guestTokenKey)
    .WithReplicas(2)
    .WithSettingsFrom(builder.Configuration)
    .WithHttpHealthCheck("/health")
    .WithVersionInDashboard();

// Mail goes out through the SMTP sink in development and real SMTP settings (a secret connection string) when published.
var notifications = builder.AddProject<Projects.CareForAll_Notifications>("notifications")
    .WithServiceDatabase(databases["notifications"]).WithMessaging(redis, rabbitMQ)
    .WithReference(identity)
    .WithReference(infrastructure.Smtp)
    .WithEnvironment("Auth__GuestTokenKey", guestTokenKey)
    .WithEnvironment("Notifications__PublicBaseUrl", publicUrl)
    .WithSettingsFrom(builder.Configuration)
    .WithHttpHealthCheck("/health")
    .WithVersionInDashboard();

// Admin workflows call the owning services; the audit log and system notifications come from their events.
var admin = builder.AddProject<Projects.CareForAll_Admin>("admin")
    .WithServiceDatabase(databases["admin"]).WithMessaging(redis, rabbitMQ)
    .WithReference(identity)
    .WithReference(campaigns)
    .WithReference(pledges)
    .WithReference(payments)
    .WithReference(query)
    .WithSettingsFrom(builder.Configuration)
    .WithHttpHealthCheck("/health")
    .WithVersionInDashboard();

// Not proxied, so the gateway sees each client's own address, which its rate limits partition by.
var gateway = builder.AddProject<Projects.CareForAll_Gateway>("gateway")
    .WithEndpoint("http", endpoint =>
    {
        endpoint.Port = gatewayPort;
        endpoint.TargetPort = gatewayPort;
        endpoint.IsProxied = false;
    })
    .WithReference(identity).WaitFor(identity)
    .WithReference(campaigns).WaitFor(campaigns)
    .WithReference(pledges).WaitFor(pledges)
    .WithReference(payments).WaitFor(payments)
    .WithReference(query).WaitFor(query)
    .WithReference(notifications).WaitFor(notifications)
    .WithReference(admin).WaitFor(admin)
    .WithReference(redis).WaitFor(redis)
    .WithReference(rabbitMQ).WaitFor(rabbitMQ)
    .WithExternalHttpEndpoints()
    .WithWebApp(builder)
    .WithSettingsFrom(builder.Configuration)
    .WithHttpHealthCheck("/health")
    .WithVersionInDashboard();

builder.AddWebDevServer(gateway, gatewayPort);

builder.Build().Run();
