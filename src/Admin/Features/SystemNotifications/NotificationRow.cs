using System.Text.Json;
using Riok.Mapperly.Abstractions;

namespace CareForAll.Admin.Features.SystemNotifications;

/// <summary>A system notification as stored.</summary>
internal sealed class NotificationRow
{
    public const string Columns = """
        id AS Id, type AS Type, category AS Category, title AS Title, message AS Message, severity AS Severity,
        metadata::text AS Metadata, is_read AS IsRead, read_at AS ReadAt, read_by AS ReadBy, created_at AS CreatedAt
        """;

    public Guid Id { get; init; }

    public string Type { get; init; } = "";

    public string Category { get; init; } = "";

    public string Title { get; init; } = "";

    public string Message { get; init; } = "";

    public string Severity { get; init; } = "";

    public string Metadata { get; init; } = "{}";

    public bool IsRead { get; init; }

    public DateTime? ReadAt { get; init; }

    public Guid? ReadBy { get; init; }

    public DateTime CreatedAt { get; init; }
}

/// <summary>A system notification as admins read it.</summary>
internal sealed class NotificationView
{
    public required Guid Id { get; init; }

    /// <summary><c>alert</c>, <c>warning</c> or <c>info</c>.</summary>
    public required string Type { get; init; }

    /// <summary><c>risk_held_payment</c>, <c>reconciliation_found_money</c>, <c>notification_rejected</c> or <c>dead_letters</c>.</summary>
    public required string Category { get; init; }

    public required string Title { get; init; }

    public required string Message { get; init; }

    public required string Severity { get; init; }

    /// <summary>The ids an admin needs to act (payment, transaction, queue, ...).</summary>
    public required JsonElement Metadata { get; init; }

    public required bool IsRead { get; init; }

    public DateTimeOffset? ReadAt { get; init; }

    public Guid? ReadBy { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }
}

[Mapper(RequiredMappingStrategy = RequiredMappingStrategy.Target)]
internal static partial class NotificationMapper
{
    public static partial NotificationView ToView(NotificationRow row);

    private static JsonElement ParseJson(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    // Npgsql reads timestamptz as a UTC DateTime.
    private static DateTimeOffset ToUtc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
