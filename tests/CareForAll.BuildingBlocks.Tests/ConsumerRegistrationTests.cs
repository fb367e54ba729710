using CareForAll.BuildingBlocks.Messaging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CareForAll.BuildingBlocks.Tests;

public sealed class ConsumerRegistrationTests
{
    // Queues the topology does not list, so the consumers may handle any types: this is about registration only.
    [Fact]
    public void each_consumer_gets_a_hosted_service_and_a_readiness_check_and_reads_its_settings()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration["Messaging:Consumer:Prefetch"] = "250";
        builder.Configuration["Messaging:Consumers:reports:DeliveryLimit"] = "3";
        var hostedBefore = builder.Services.Count(d => d.ServiceType == typeof(IHostedService) && d.ImplementationFactory is not null);
        ConsumerOptions? mailerOptions = null;
        ConsumerOptions? reportsOptions = null;

        builder.AddEventConsumer("mailer", c =>
        {
            mailerOptions = c.Options;
            c.Handle<InboxTests.UserRegistered, InboxTests.RecordWelcome>("user.registered");
        });
        builder.AddEventConsumer("reports", c =>
        {
            reportsOptions = c.Options;
            c.Handle<InboxTests.UserRegistered, InboxTests.RecordWelcome>("user.registered");
        });

        builder.Services.Count(d => d.ServiceType == typeof(IHostedService) && d.ImplementationFactory is not null).ShouldBe(hostedBefore + 2);
        using var services = builder.Services.BuildServiceProvider();
        services.GetRequiredService<IOptions<HealthCheckServiceOptions>>().Value.Registrations.Select(r => r.Name)
            .ShouldBe(["rabbitmq-queue-mailer", "rabbitmq-queue-reports"], ignoreOrder: true);
        mailerOptions!.Prefetch.ShouldBe((ushort)250);
        mailerOptions.DeliveryLimit.ShouldBe(10);
        reportsOptions!.Prefetch.ShouldBe((ushort)250);
        reportsOptions.DeliveryLimit.ShouldBe(3);
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
