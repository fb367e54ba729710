namespace CareForAll.AppHost.Local;

/// <summary>smtp4dev run as a .NET local tool: an SMTP server that keeps every message for the web UI and sends nothing on.</summary>
public sealed class LocalSmtpSinkResource(string name, string command, string workingDirectory)
    : ExecutableResource(name, command, workingDirectory), IResourceWithConnectionString
{
    internal const string SmtpEndpointName = "smtp";
    internal const string WebEndpointName = "http";

    /// <summary>The SMTP endpoint.</summary>
    public EndpointReference SmtpEndpoint => new(this, SmtpEndpointName);

    /// <inheritdoc />
    public ReferenceExpression ConnectionStringExpression =>
        ReferenceExpression.Create($"Endpoint=smtp://127.0.0.1:{SmtpEndpoint.Property(EndpointProperty.Port)}");
}
