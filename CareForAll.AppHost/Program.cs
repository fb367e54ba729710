var builder = DistributedApplication.CreateBuilder(args);

var identity = builder.AddProject<Projects.CareForAll_Identity>("identity")
    .WithHttpHealthCheck("/health");

builder.AddProject<Projects.CareForAll_Gateway>("gateway")
    .WithReference(identity)
    .WaitFor(identity)
    .WithHttpHealthCheck("/health");

builder.Build().Run();
