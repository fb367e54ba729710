using CareForAll.BuildingBlocks.Messaging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CareForAll.BuildingBlocks.Tests;

public sealed class ConsumerRegistrationTests
{
    [Fact]
    public void each_consumer_gets_a_hosted_service_and_a_readiness_check_and_reads_its_settings()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration["Messaging:Consumer:Prefetch"] = "250";
        builder.Configuration["Messaging:Consumers:query:DeliveryLimit"] = "3";
        var hostedBefore = builder.Services.Count(d => d.ServiceType == typeof(IHostedService) && d.ImplementationFactory is not null);
        ConsumerOptions? notificationsOptions = null;
        ConsumerOptions? queryOptions = null;

        builder.AddEventConsumer("notifications", c =>
        {
            notificationsOptions = c.Options;
            c.Handle<InboxTests.UserRegistered, InboxTests.RecordWelcome>("user.registered");
        });
        builder.AddEventConsumer("query", c =>
        {
            queryOptions = c.Options;
            c.Handle<InboxTests.UserRegistered, InboxTests.RecordWelcome>("user.registered");
        });

        builder.Services.Count(d => d.ServiceType == typeof(IHostedService) && d.ImplementationFactory is not null).ShouldBe(hostedBefore + 2);
        using var services = builder.Services.BuildServiceProvider();
        services.GetRequiredService<IOptions<HealthCheckServiceOptions>>().Value.Registrations.Select(r => r.Name)
            .ShouldBe(["rabbitmq-queue-notifications", "rabbitmq-queue-query"], ignoreOrder: true);
        notificationsOptions!.Prefetch.ShouldBe((ushort)250);
        notificationsOptions.DeliveryLimit.ShouldBe(10);
        queryOptions!.Prefetch.ShouldBe((ushort)250);
        queryOptions.DeliveryLimit.ShouldBe(3);
    }

    [Fact]
    public void a_consumer_without_handlers_is_a_configuration_error()
    {
        var builder = Host.CreateApplicationBuilder();
        Should.Throw<InvalidOperationException>(() => builder.AddEventConsumer("empty", _ => { }));
    }

    [Fact]
    public async Task readiness_turns_healthy_once_the_queue_is_declared()
    {
        var readiness = new ConsumerReadiness("notifications");
        var context = new HealthCheckContext();
        (await readiness.CheckHealthAsync(context)).Status.ShouldBe(HealthStatus.Unhealthy);
        readiness.MarkDeclared();
        (await readiness.CheckHealthAsync(context)).Status.ShouldBe(HealthStatus.Healthy);
    }
}
