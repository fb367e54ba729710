using System.Text.Json.Nodes;

namespace CareForAll.Admin.Data;

/// <summary>A system notification about to be raised.</summary>
/// <param name="DedupeKey">What it is about (a payment, a refused notification, a queue's n-th increase): raised once per key.</param>
/// <param name="Category">The machine kind (<see cref="AlertCategories"/>).</param>
/// <param name="Severity"><c>low</c>, <c>medium</c>, <c>high</c> or <c>critical</c>.</param>
/// <param name="Title">One line for the list.</param>
/// <param name="Message">What happened and what an admin can do.</param>
/// <param name="Metadata">The ids an admin needs to act.</param>
internal sealed record SystemAlert(string DedupeKey, string Category, string Severity, string Title, string Message, JsonObject Metadata)
{
    /// <summary>The seed's <c>type</c>: how loudly it should be shown.</summary>
    public string Type => Severity switch
    {
        AlertSeverities.Critical or AlertSeverities.High => "alert",
        AlertSeverities.Medium => "warning",
        _ => "info",
    };
}

internal static class AlertSeverities
{
    public const string Low = "low";
    public const string Medium = "medium";
    public const string High = "high";
    public const string Critical = "critical";

    public static readonly IReadOnlyList<string> All = [Low, Medium, High, Critical];
}

internal static class AlertCategories
{
    public const string RiskHeldPayment = "risk_held_payment";
    public const string ReconciliationFoundMoney = "reconciliation_found_money";
    public const string NotificationRejected = "notification_rejected";
    public const string DeadLetters = "dead_letters";
}
