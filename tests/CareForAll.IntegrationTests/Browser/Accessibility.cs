using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace CareForAll.IntegrationTests.Browser;

/// <summary>
/// axe-core checks of a rendered page. Only serious and critical violations fail a test: those stop someone using a
/// screen reader, a keyboard or a low-contrast screen from donating, while minor and moderate ones are best practice.
/// </summary>
public static class Accessibility
{
    public static readonly IReadOnlySet<string> FailingImpacts = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "serious", "critical" };

    /// <summary>The violations of the page (or of the part matching the CSS selector <paramref name="within"/>) that fail a test.</summary>
    public static async Task<IReadOnlyList<AxeResultItem>> SeriousViolationsAsync(IPage page, string? within = null, AxeRunOptions? options = null)
    {
        var result = within is null
            ? await page.RunAxe(options)
            : await page.Locator(within).RunAxe(options);
        return result.Violations.Where(v => v.Impact is not null && FailingImpacts.Contains(v.Impact)).ToList();
    }

    /// <summary>Fails with one readable entry per violation: rule, impact, what to fix, and the elements at fault.</summary>
    public static async Task ShouldHaveNoSeriousViolationsAsync(IPage page, string? within = null, AxeRunOptions? options = null)
    {
        var violations = await SeriousViolationsAsync(page, within, options);
        if (violations.Count > 0)
        {
            throw new Shouldly.ShouldAssertException(Describe(page.Url, violations));
        }
    }

    public static string Describe(string url, IEnumerable<AxeResultItem> violations)
    {
        var list = violations.ToList();
        var text = new StringBuilder($"{list.Count} serious or critical accessibility violation(s) on {url}:");
        foreach (var violation in list)
        {
            text.AppendLine().Append($"- {violation.Id} ({violation.Impact}): {violation.Help} [{violation.HelpUrl}]");
            foreach (var node in violation.Nodes)
            {
                text.AppendLine().Append($"    at {node.Target}");
            }
        }

        return text.ToString();
    }
}
