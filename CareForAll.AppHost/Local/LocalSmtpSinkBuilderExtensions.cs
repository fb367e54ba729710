using System.Globalization;
using CareForAll.AppHost.Local.Readiness;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CareForAll.AppHost.Local;

/// <summary>Adds the development SMTP sink as a local process.</summary>
public static class LocalSmtpSinkBuilderExtensions
{
    /// <summary>Adds smtp4dev from the repository's tool manifest (restored by eng/run.sh and eng/test.sh).</summary>
    public static IResourceBuilder<LocalSmtpSinkResource> AddLocalSmtpSink(
        this IDistributedApplicationBuilder builder, string name, LocalInfrastructureOptions options)
    {
        var repositoryRoot = Path.GetFullPath(Path.Combine(builder.AppHostDirectory, ".."));
        if (!File.Exists(Path.Combine(repositoryRoot, ".config", "dotnet-tools.json")))
        {
            throw new DistributedApplicationException("The .NET tool manifest (.config/dotnet-tools.json) that names smtp4dev is missing.");
        }

        var dataDirectory = Path.Combine(options.DataDirectory, "smtp");
        Directory.CreateDirectory(dataDirectory);

        var healthCheckKey = $"{name}_ready";
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(
            healthCheckKey, _ => new SmtpGreetingCheck(options.SmtpPort), failureStatus: null, tags: null));

        var resource = new LocalSmtpSinkResource(name, "dotnet", repositoryRoot);
        return builder.AddResource(resource)
            .WithArgs(
                "tool", "run", "smtp4dev", "--",
                $"--smtpport={options.SmtpPort.ToString(CultureInfo.InvariantCulture)}",
                $"--urls=http://127.0.0.1:{options.SmtpWebPort.ToString(CultureInfo.InvariantCulture)}",
                "--imapport=",
                "--pop3port=",
                "--hostname=localhost",
                "--nousersettings",
                // A donation rush or a test run sends thousands of mails; the default keeps only the last hundred.
                "--messagestokeep=100000",
                "--sessionstokeep=1000",
                $"--baseappdatapath={dataDirectory}",
                $"--db={Path.Combine(dataDirectory, "smtp4dev.db")}")
            .WithEndpoint(port: options.SmtpPort, targetPort: options.SmtpPort, scheme: "tcp",
                name: LocalSmtpSinkResource.SmtpEndpointName, isProxied: false)
            .WithEndpoint(port: options.SmtpWebPort, targetPort: options.SmtpWebPort, scheme: "http",
                name: LocalSmtpSinkResource.WebEndpointName, isProxied: false)
            .WithUrlForEndpoint(LocalSmtpSinkResource.WebEndpointName, url => url.DisplayText = "Mail UI")
            .WithIconName("MailInbox")
            .WithHealthCheck(healthCheckKey)
            .ExcludeFromManifest();
    }
}
