namespace CareForAll.AppHost.Local;

/// <summary>RabbitMQ run from the machine's own installation, the process twin of <c>AddRabbitMQ</c>.</summary>
/// <remarks>The guest account only works over loopback, which is the only place this broker listens.</remarks>
public sealed class LocalRabbitMQResource(string name, string command, string workingDirectory)
    : ExecutableResource(name, command, workingDirectory), IResourceWithConnectionString
{
    internal const string PrimaryEndpointName = "tcp";
    internal const string ManagementEndpointName = "management";

    /// <summary>The AMQP endpoint.</summary>
    public EndpointReference PrimaryEndpoint => new(this, PrimaryEndpointName);

    /// <inheritdoc />
    public ReferenceExpression ConnectionStringExpression =>
        ReferenceExpression.Create($"amqp://guest:guest@127.0.0.1:{PrimaryEndpoint.Property(EndpointProperty.Port)}/");
}
