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
    /// <param name="required">Refuse a request without a key (400 <c>IDEMPOTENCY_KEY_REQUIRED</c>), for money-moving routes.</param>
    public static void Idempotent(this BaseEndpoint endpoint, bool required = false)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        endpoint.Definition.Idempotent(required);
    }

    /// <summary>Same as <see cref="Idempotent(BaseEndpoint, bool)"/>, for an endpoint definition (e.g. from global configuration).</summary>
    /// <param name="definition">The endpoint definition.</param>
    /// <param name="required">Refuse a request without a key (400 <c>IDEMPOTENCY_KEY_REQUIRED</c>).</param>
    public static void Idempotent(this EndpointDefinition definition, bool required = false)
    {
        ArgumentNullException.ThrowIfNull(definition);
        if (required)
        {
            definition.PreProcessor<IdempotencyKeyRequiredPreProcessor>(Order.Before);
        }

        definition.PreProcessor<IdempotencyPreProcessor>(Order.Before);
        definition.PostProcessor<IdempotencyPostProcessor>(Order.Before);
    }
}
