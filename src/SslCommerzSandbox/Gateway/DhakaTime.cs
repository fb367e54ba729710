namespace CareForAll.SslCommerzSandbox.Gateway;

/// <summary>The gateway speaks Asia/Dhaka local time in every date field and id prefix.</summary>
internal static class DhakaTime
{
    // Bangladesh has kept UTC+6 without daylight saving since 2009, so a fixed offset needs no time-zone database.
    private static readonly TimeSpan Offset = TimeSpan.FromHours(6);

    /// <summary>"yyyy-MM-dd HH:mm:ss" as in tran_date, validated_on, initiated_on.</summary>
    public static string Format(DateTimeOffset instant) =>
        instant.ToOffset(Offset).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>"yyMMddHHmmss", the first twelve characters of val_id and bank_tran_id.</summary>
    public static string IdPrefix(DateTimeOffset instant) =>
        instant.ToOffset(Offset).ToString("yyMMddHHmmss", CultureInfo.InvariantCulture);
}
