using System.Collections.Concurrent;
using System.Text;

namespace CareForAll.IntegrationTests.Attacks;

/// <summary>
/// Every attack the suite tried, by OWASP API Security Top 10 (2023) category, and which of them got through. An
/// attempt's assertions prove the attack failed and nothing changed; an attempt whose assertions throw succeeded.
/// </summary>
public static class AttackLedger
{
    private sealed record Attempt(string Owasp, string Attack, bool Succeeded);

    private static readonly ConcurrentQueue<Attempt> Attempts = new();

    public static int Tried => Attempts.Count;

    public static int Succeeded => Attempts.Count(a => a.Succeeded);

    /// <summary>Runs one attack; if its assertions fail, the attack got through: it is recorded and the test fails.</summary>
    public static async Task TryAsync(string owasp, string attack, Func<Task> attempt)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        try
        {
            await attempt();
        }
        catch (Exception failure)
        {
            Attempts.Enqueue(new Attempt(owasp, attack, Succeeded: true));
            throw new AttackSucceededException(owasp, attack, failure);
        }

        Attempts.Enqueue(new Attempt(owasp, attack, Succeeded: false));
    }

    /// <summary>The summary: its first line is "attacks tried: N, succeeded: M", then each category's counts.</summary>
    public static string Report()
    {
        var attempts = Attempts.ToArray();
        var report = new StringBuilder();
        report.Append(System.Globalization.CultureInfo.InvariantCulture,
            $"attacks tried: {attempts.Length}, succeeded: {attempts.Count(a => a.Succeeded)}\n");
        foreach (var category in attempts.GroupBy(a => a.Owasp).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var succeeded = category.Where(a => a.Succeeded).Select(a => a.Attack).ToList();
            report.Append(System.Globalization.CultureInfo.InvariantCulture,
                $"{category.Key}: tried {category.Count()}, succeeded {succeeded.Count}\n");
            foreach (var attack in succeeded)
            {
                report.Append(System.Globalization.CultureInfo.InvariantCulture, $"  SUCCEEDED: {attack}\n");
            }
        }

        return report.ToString();
    }

    /// <summary>Writes <see cref="Report"/> to <paramref name="path"/>, unless no path is given or nothing was tried.</summary>
    public static void WriteReport(string? path)
    {
        if (string.IsNullOrWhiteSpace(path) || Attempts.IsEmpty)
        {
            return;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllText(path, Report());
    }
}

/// <summary>An attack that got through: the test fails with the category, the attack and what gave it away.</summary>
public sealed class AttackSucceededException(string owasp, string attack, Exception evidence)
    : Exception($"{owasp}: the attack \"{attack}\" succeeded: {evidence.Message}", evidence);
