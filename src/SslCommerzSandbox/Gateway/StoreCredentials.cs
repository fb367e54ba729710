namespace CareForAll.SslCommerzSandbox.Gateway;

/// <summary>Checks the store_id and store_passwd every gateway API call carries.</summary>
internal sealed class StoreCredentials(IOptions<SandboxOptions> options)
{
    /// <summary>Whether the request names this store with its API password.</summary>
    public bool Match(GatewayParameters parameters) =>
        string.Equals(parameters["store_id"], options.Value.StoreId, StringComparison.Ordinal)
        && string.Equals(parameters["store_passwd"], options.Value.StorePassword, StringComparison.Ordinal);
}
