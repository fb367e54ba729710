using CareForAll.Testing;

namespace CareForAll.Delivery.Tests;

/// <summary>The repository these tests were built from, and its scripts run as processes from its root.</summary>
internal static class Repository
{
    public static string Root => RepositoryCheckout.Root;

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
        var result = RepositoryCheckout.Run(program, arguments, directory, stdin);
        return new ScriptResult(result.ExitCode, result.Output, result.Error);
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
