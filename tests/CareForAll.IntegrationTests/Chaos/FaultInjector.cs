using System.Diagnostics;
using Aspire.Hosting.ApplicationModel;

namespace CareForAll.IntegrationTests.Chaos;

/// <summary>
/// Breaks the platform on a schedule, one fault at a time, each bounded (it is always undone, even when the run
/// fails) and written to the journal with the time it began and the time the resource was back.
/// </summary>
internal sealed class FaultInjector(PlatformFixture platform, ChaosJournal journal, TimeSpan outage, Action<string> log)
{
    public const string SmtpSinkDown = "SMTP sink down";

    /// <summary>The schedule, in order. Each entry is injected once the load has reached its share of the donations.</summary>
    public IReadOnlyList<(string Name, Func<CancellationToken, Task<string>> Inject)> Schedule =>
    [
        ("payments replica killed", ct => KillOneInstanceAsync("payments", ct)),
        ("pledges stopped", ct => StopForAWhileAsync("pledges", outage, ct)),
        ("query killed mid-projection", ct => KillEveryInstanceAsync("query", ct)),
        ("RabbitMQ stopped", ct => StopForAWhileAsync("rabbitmq", outage, ct)),
        ("PostgreSQL restarted", ct => RestartServerAsync("postgres", ct)),
        ("Redis restarted", ct => StopForAWhileAsync("redis", TimeSpan.FromSeconds(1), ct)),
        (SmtpSinkDown, ct => StopForAWhileAsync("smtp", outage * 2, ct)),
    ];

    public async Task InjectAsync(string name, Func<CancellationToken, Task<string>> inject, CancellationToken ct)
    {
        var started = journal.Now;
        log($"{started.TotalSeconds,7:0.0}s fault: {name}");
        var detail = await inject(ct);
        var recovered = journal.Now;
        journal.Record(new ChaosJournal.Fault(name, detail, started, recovered));
        log($"{recovered.TotalSeconds,7:0.0}s back: {name} ({detail}, {(recovered - started).TotalSeconds:0.0}s)");
    }

    private async Task<string> StopForAWhileAsync(string resource, TimeSpan downFor, CancellationToken ct)
    {
        await platform.StopResourceAsync(resource, ct);
        var stopped = Stopwatch.StartNew();
        try
        {
            // The outage's planned length: nothing is awaited but time.
            await Task.Delay(downFor, ct);
        }
        finally
        {
            await platform.StartResourceAsync(resource, CancellationToken.None);
        }

        await WaitUntilServingAsync(resource, ct);

        return $"down {stopped.Elapsed.TotalSeconds:0.0}s";
    }

    /// <summary>
    /// A server restart as an operator or a host reboot makes it: the server itself is asked for its fast shutdown
    /// (it ends every session at once), then started again. Asked this way rather than through the orchestrator's
    /// stop, which under full load twice gave up waiting on the supervisor that turns its signal into that same request.
    /// </summary>
    private async Task<string> RestartServerAsync(string resource, CancellationToken ct)
    {
        var (id, supervisor) = (await platform.InstancesAsync(resource, ct)).Single();
        var server = int.Parse(File.ReadAllText($"/proc/{supervisor!.Value}/task/{supervisor.Value}/children").Split(' ', StringSplitOptions.RemoveEmptyEntries).Single(),
            System.Globalization.CultureInfo.InvariantCulture);
        using (var signal = Process.Start("kill", ["-INT", server.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await signal.WaitForExitAsync(ct);
            signal.ExitCode.ShouldBe(0);
        }

        await WaitUntilExitedAsync(id, ct);
        var stopped = Stopwatch.StartNew();
        await platform.StartResourceAsync(resource, CancellationToken.None);
        return $"fast shutdown of process {server}, down {stopped.Elapsed.TotalSeconds:0.0}s";
    }

    private async Task<string> KillOneInstanceAsync(string resource, CancellationToken ct)
    {
        var instance = (await platform.InstancesAsync(resource, ct)).First(i => i.ProcessId is not null);
        await KillAsync(instance.Id, instance.ProcessId!.Value, ct);
        await platform.StartInstanceAsync(instance.Id, CancellationToken.None);
        await WaitUntilServingAsync(resource, ct);
        return $"SIGKILL {instance.Id}";
    }

    private async Task<string> KillEveryInstanceAsync(string resource, CancellationToken ct)
    {
        var instances = (await platform.InstancesAsync(resource, ct)).Where(i => i.ProcessId is not null).ToList();
        await Task.WhenAll(instances.Select(i => KillAsync(i.Id, i.ProcessId!.Value, ct)));
        await Task.WhenAll(instances.Select(i => platform.StartInstanceAsync(i.Id, CancellationToken.None)));
        await WaitUntilServingAsync(resource, ct);
        return $"SIGKILL {string.Join(", ", instances.Select(i => i.Id))}";
    }

    /// <summary>
    /// A service is back when each replica answers its own health route: the resource's state says Running as soon as
    /// the process starts, long before it listens.
    /// </summary>
    private async Task WaitUntilServingAsync(string resource, CancellationToken ct)
    {
        if (!PlatformFixture.Services.Contains(resource))
        {
            return;
        }

        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        foreach (var address in await platform.ReplicaAddressesAsync(resource, ct))
        {
            await Eventually.UntilAsync(async () =>
            {
                try
                {
                    using var response = await client.GetAsync(new Uri(address, "/health"), ct);
                    return response.IsSuccessStatusCode;
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
                {
                    return false;
                }
            }, TimeSpan.FromMinutes(2), $"{resource} at {address} answered its health route", TimeSpan.FromMilliseconds(250));
        }
    }

    /// <summary>A crash, not a shutdown: the launcher and the service it runs die at once, with no chance to finish anything.</summary>
    private async Task KillAsync(string instanceId, int processId, CancellationToken ct)
    {
        using (var process = Process.GetProcessById(processId))
        {
            process.Kill(entireProcessTree: true);
        }

        await WaitUntilExitedAsync(instanceId, ct);
    }

    private async Task WaitUntilExitedAsync(string instanceId, CancellationToken ct)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(TimeSpan.FromMinutes(1));
        await foreach (var change in platform.App.ResourceNotifications.WatchAsync(deadline.Token))
        {
            if (change.ResourceId == instanceId && KnownResourceStates.TerminalStates.Contains(change.Snapshot.State?.Text))
            {
                return;
            }
        }
    }
}
