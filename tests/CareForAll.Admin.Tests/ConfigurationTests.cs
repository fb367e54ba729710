using CareForAll.Admin.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CareForAll.Admin.Tests;

public sealed class ConfigurationTests
{
    [Fact]
    public void the_consumer_registration_handles_exactly_the_admin_queues_event_types()
    {
        var builder = Host.CreateApplicationBuilder();

        // Throws at registration when a type is handled here but not bound there, or the other way round.
        Should.NotThrow(() => builder.AddAdminEventConsumer());
    }

    [Fact]
    public void the_defaults_are_valid_and_name_the_outbox_services()
    {
        new OwnerServicesOptions().Problem().ShouldBeNull();
        new DeadLetterOptions().Problem().ShouldBeNull();
        var dashboard = new DashboardOptions();
        dashboard.Problem().ShouldBeNull();
        dashboard.OutboxServiceNames.ShouldBe(["identity", "campaigns", "pledges", "payments"]);
    }

    [Fact]
    public void unusable_settings_are_named()
    {
        new DashboardOptions { OutboxServices = "identity,gateway" }.Problem()!.ShouldContain("'gateway'");
        new DashboardOptions { PartTimeout = TimeSpan.Zero }.Problem()!.ShouldContain("PartTimeout");
        new OwnerServicesOptions { Payments = "not a url" }.Problem()!.ShouldContain("payments");
        new OwnerServicesOptions { AttemptTimeout = TimeSpan.FromSeconds(40) }.Problem()!.ShouldContain("Timeout");
        new DeadLetterOptions { Interval = TimeSpan.Zero }.Problem()!.ShouldContain("Interval");
    }

    [Fact]
    public void settings_bind_from_the_admin_section()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Admin:Services:Query"] = "http://query.internal",
            ["Admin:Dashboard:OutboxServices"] = "identity, payments",
            ["Admin:DeadLetters:Interval"] = "00:00:05",
        }).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddAdminCore().BuildServiceProvider();

        services.GetRequiredService<Microsoft.Extensions.Options.IOptions<OwnerServicesOptions>>().Value.BaseUrl("query-rebuild")
            .ShouldBe("http://query.internal");
        services.GetRequiredService<Microsoft.Extensions.Options.IOptions<DashboardOptions>>().Value.OutboxServiceNames
            .ShouldBe(["identity", "payments"]);
        services.GetRequiredService<Microsoft.Extensions.Options.IOptions<DeadLetterOptions>>().Value.Interval
            .ShouldBe(TimeSpan.FromSeconds(5));
    }
}
