using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CareForAll.BuildingBlocks.Messaging;

/// <summary>
/// Healthy once the consumer's queue and bindings have been declared. Events published before a queue is bound
/// are not routed to it, so "ready" means "bound": an AppHost <c>WaitFor</c> on a consuming service then
/// guarantees its queue exists. Stays healthy afterwards, also while the broker is away (the queue is durable and
/// keeps collecting events).
/// </summary>
internal sealed class ConsumerReadiness(string queueName) : IHealthCheck
{
    volatile bool _declared;

    public void MarkDeclared() => _declared = true;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(_declared
            ? HealthCheckResult.Healthy($"Queue '{queueName}' is declared and bound.")
            : HealthCheckResult.Unhealthy($"Queue '{queueName}' is not declared yet (waiting for RabbitMQ)."));
}
