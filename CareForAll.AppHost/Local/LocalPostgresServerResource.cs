namespace CareForAll.AppHost.Local;

/// <summary>PostgreSQL run from the machine's own binaries, the process twin of <c>AddPostgres</c>.</summary>
/// <remarks>Trust authentication on loopback only: it holds development data and never listens beyond 127.0.0.1.</remarks>
public sealed class LocalPostgresServerResource(string name, string command, string workingDirectory, string dataDirectory)
    : ExecutableResource(name, command, workingDirectory), IResourceWithConnectionString
{
    internal const string PrimaryEndpointName = "tcp";

    private readonly Dictionary<string, string> _databases = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The cluster's data folder (PGDATA).</summary>
    public string DataDirectory { get; } = dataDirectory;

    /// <summary>The endpoint PostgreSQL listens on.</summary>
    public EndpointReference PrimaryEndpoint => new(this, PrimaryEndpointName);

    /// <summary>Resource name to database name for every database this server creates when it is ready.</summary>
    public IReadOnlyDictionary<string, string> Databases => _databases;

    /// <inheritdoc />
    public ReferenceExpression ConnectionStringExpression =>
        ReferenceExpression.Create($"Host=127.0.0.1;Port={PrimaryEndpoint.Property(EndpointProperty.Port)};Username=postgres");

    internal void AddDatabase(string resourceName, string databaseName) => _databases.TryAdd(resourceName, databaseName);
}
