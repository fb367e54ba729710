using System.Diagnostics;

namespace CareForAll.Testing;

/// <summary>The checkout the tests were built from, and programs (git, bash, dotnet) run against it.</summary>
public static class RepositoryCheckout
{
    private static readonly Lazy<string?> FoundRoot = new(() =>
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "CareForAll.sln")))
            {
                return directory.FullName;
            }
        }

        return null;
    });

    /// <summary>The folder holding CareForAll.sln, or null when the tests run outside a checkout.</summary>
    public static string? TryRoot => FoundRoot.Value;

    /// <summary>The folder holding CareForAll.sln.</summary>
    public static string Root => FoundRoot.Value ?? throw new InvalidOperationException($"No CareForAll.sln above {AppContext.BaseDirectory}");

    /// <summary>
    /// Runs <paramref name="program"/> (in the checkout unless <paramref name="directory"/> says otherwise) with
    /// <paramref name="stdin"/> as its input, and waits for it; one that outlives <paramref name="timeout"/> (30 s
    /// unless given) is killed and fails the test with what it had printed.
    /// </summary>
    public static ProgramResult Run(
        string program, IEnumerable<string> arguments, string? directory = null, string stdin = "",
        IReadOnlyDictionary<string, string>? environment = null, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = directory ?? Root,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.StandardInput.Write(stdin);
        process.StandardInput.Close();
        var limit = timeout ?? TimeSpan.FromSeconds(30);
        if (!process.WaitForExit(limit))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            throw new TimeoutException(
                $"{program} {string.Join(' ', start.ArgumentList)} did not finish within {limit}:\n{output.GetAwaiter().GetResult()}\n{error.GetAwaiter().GetResult()}");
        }

        return new ProgramResult(process.ExitCode, output.GetAwaiter().GetResult(), error.GetAwaiter().GetResult());
    }
}

/// <summary>What a program run by <see cref="RepositoryCheckout.Run"/> ended with.</summary>
/// <param name="ExitCode">Its exit code.</param>
/// <param name="Output">Everything it wrote to standard output.</param>
/// <param name="Error">Everything it wrote to standard error.</param>
public sealed record ProgramResult(int ExitCode, string Output, string Error);
