namespace CareForAll.Notifications.Features.History.ListByUser;

internal static class Mapper
{
    public static Item ToItem(HistoryRow row) => new()
    {
        Id = row.Id,
        Template = row.Template,
        RecipientEmail = row.RecipientEmail,
        Subject = row.Subject,
        Languages = row.Languages.Split(',', StringSplitOptions.RemoveEmptyEntries),
        Status = row.Status,
        Attempts = row.Attempts,
        LastError = row.LastError,
        EventType = row.EventType,
        CreatedAt = Utc(row.CreatedAt),
        SentAt = row.SentAt is { } sent ? Utc(sent) : null,
        BodyText = row.BodyText,
        BodyHtml = row.BodyHtml,
    };

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
