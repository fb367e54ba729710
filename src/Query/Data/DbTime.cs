namespace CareForAll.Query.Data;

/// <summary>Conversions of database timestamps (also used by the mappers through <c>UseStaticMapper</c>).</summary>
internal static class DbTime
{
    // Npgsql reads timestamptz as a UTC DateTime.
    public static DateTimeOffset ToUtc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));

    public static DateTimeOffset? ToUtc(DateTime? value) => value is { } v ? ToUtc(v) : null;
}
