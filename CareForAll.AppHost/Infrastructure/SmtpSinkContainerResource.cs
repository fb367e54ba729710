namespace CareForAll.AppHost.Infrastructure;

/// <summary>smtp4dev as a container: the development mail sink with a web UI.</summary>
public sealed class SmtpSinkContainerResource(string name) : ContainerResource(name), IResourceWithConnectionString
{
    internal const string SmtpEndpointName = "smtp";
    internal const string WebEndpointName = "http";

    /// <summary>The SMTP endpoint.</summary>
    public EndpointReference SmtpEndpoint => new(this, SmtpEndpointName);

    /// <inheritdoc />
    public ReferenceExpression ConnectionStringExpression =>
        ReferenceExpression.Create($"Endpoint=smtp://{SmtpEndpoint.Property(EndpointProperty.Host)}:{SmtpEndpoint.Property(EndpointProperty.Port)}");
}
