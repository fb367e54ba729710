using FastEndpoints;

namespace CareForAll.BuildingBlocks.Idempotency;

/// <summary>Opts an endpoint into Idempotency-Key handling.</summary>
public static class IdempotencyEndpointExtensions
{
    /// <summary>
    /// Adds the <see cref="IdempotencyPreProcessor"/>/<see cref="IdempotencyPostProcessor"/> pair, ahead of the
    /// endpoint's own processors. Call from <c>Configure()</c>: <c>this.Idempotent();</c>. The endpoint should do
    /// its writes through <see cref="Database.RequestTransaction"/> so they commit with the stored response.
    /// </summary>
    /// <param name="endpoint">The endpoint being configured.</param>
    public static void Idempotent(this BaseEndpoint endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        endpoint.Definition.Idempotent();
    }

    /// <summary>Same as <see cref="Idempotent(BaseEndpoint)"/>, for an endpoint definition (e.g. from global configuration).</summary>
    /// <param name="definition">The endpoint definition.</param>
    public static void Idempotent(this EndpointDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        definition.PreProcessor<IdempotencyPreProcessor>(Order.Before);
        definition.PostProcessor<IdempotencyPostProcessor>(Order.Before);
    }
}
