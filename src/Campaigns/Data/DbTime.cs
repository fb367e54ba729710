namespace CareForAll.Campaigns.Data;

/// <summary>Mapperly's conversion of database timestamps (used by the mappers through <c>UseStaticMapper</c>).</summary>
internal static class DbTime
{
    // Npgsql reads timestamptz as a UTC DateTime.
    public static DateTimeOffset ToUtc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
