using System.Diagnostics;

namespace CareForAll.Delivery.Tests;

/// <summary>The repository these tests were built from, and its scripts run as processes from its root.</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(string relative) => Path.Combine(Root, relative);

    /// <summary>The services of eng/services.tsv: name, project, tests folder, released.</summary>
    public static IReadOnlyList<ServiceRow> Services { get; } = File.ReadAllLines(PathOf("eng/services.tsv"))
        .Where(line => line.Length > 0 && !line.StartsWith('#'))
        .Select(line => line.Split('\t'))
        .Select(columns => new ServiceRow(columns[0], columns[1], columns[2], columns[3] == "yes"))
        .ToList();

    /// <summary>Runs <c>bash script args</c> from the repository root, with <paramref name="stdin"/> as its input.</summary>
    public static ScriptResult Run(string script, IEnumerable<string> arguments, string stdin = "") =>
        RunIn(Root, "bash", [script, .. arguments], stdin);

    /// <summary>Runs a program in <paramref name="directory"/> and waits for it (30 s at most).</summary>
    public static ScriptResult RunIn(string directory, string program, IEnumerable<string> arguments, string stdin = "")
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = directory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.StandardInput.Write(stdin);
        process.StandardInput.Close();
        if (!process.WaitForExit(TimeSpan.FromSeconds(30)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', arguments)} did not finish within 30 s");
        }

        return new ScriptResult(process.ExitCode, output.GetAwaiter().GetResult(), error.GetAwaiter().GetResult());
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CareForAll.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No CareForAll.sln above {AppContext.BaseDirectory}");
    }
}

internal sealed record ServiceRow(string Name, string Project, string TestsFolder, bool Released);

internal sealed record ScriptResult(int ExitCode, string Output, string Error)
{
    /// <summary>The key=value lines the script printed, as $GITHUB_OUTPUT would take them.</summary>
    public IReadOnlyDictionary<string, string> Values => Output
        .Split('\n', StringSplitOptions.RemoveEmptyEntries)
        .Select(line => line.Split('=', 2))
        .ToDictionary(pair => pair[0], pair => pair.Length > 1 ? pair[1] : "", StringComparer.Ordinal);
}
