using CareForAll.Query.Data;
using CareForAll.ServiceDefaults.Auth;

namespace CareForAll.Query.Features.Statistics.Dashboard;

/// <summary>
/// Internal (the gateway never routes /internal): the admin service's dashboard asks this with an admin's token.
/// Read from the kept figures and hourly buckets, never summed over donations.
/// </summary>
internal sealed class Endpoint(NpgsqlDataSource database, TimeProvider clock) : EndpointWithoutRequest<Response>
{
    public override void Configure()
    {
        Get("/internal/statistics/dashboard");
        Policies(CareForAllPolicies.Admin);
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var currentHour = HourOf(now);
        var firstHour = currentHour.AddHours(-23);
        var todayStarts = DhakaDay.StartOf(now);
        var from = todayStarts < firstHour ? todayStarts : firstHour;

        var (totals, statuses, hours) = await Data.ReadAsync(database, from.UtcDateTime, ct);
        var byHour = hours.ToDictionary(h => DbTime.ToUtc(h.Hour));
        var today = hours.Where(h => DbTime.ToUtc(h.Hour) >= todayStarts).ToList();

        await Send.OkAsync(new Response
        {
            TotalRaised = totals.TotalRaised,
            RaisedToday = today.Sum(h => h.Amount),
            DonationsToday = today.Sum(h => h.Donations),
            TotalDonations = totals.TotalDonations,
            TotalDonors = totals.TotalDonors,
            Currency = QueryRules.Currency,
            CampaignsByStatus = QueryRules.CampaignStatuses.ToDictionary(
                status => status, status => statuses.FirstOrDefault(s => s.Status == status)?.Campaigns ?? 0, StringComparer.Ordinal),
            DonationsPerHour = [.. Enumerable.Range(0, 24).Select(i =>
            {
                var hour = firstHour.AddHours(i);
                return byHour.TryGetValue(hour, out var row) ? new HourFigures(hour, row.Donations, row.Amount) : new HourFigures(hour, 0, 0m);
            })],
        }, ct);
    }

    private static DateTimeOffset HourOf(DateTimeOffset time) =>
        new(time.UtcTicks - (time.UtcTicks % TimeSpan.TicksPerHour), TimeSpan.Zero);
}

/// <summary>The platform's calendar day is Bangladesh's (UTC+6, no daylight saving).</summary>
internal static class DhakaDay
{
    private static readonly TimeZoneInfo Zone = FindZone();

    /// <summary>When the Asia/Dhaka day holding <paramref name="instant"/> began, in UTC.</summary>
    public static DateTimeOffset StartOf(DateTimeOffset instant)
    {
        var local = TimeZoneInfo.ConvertTime(instant, Zone);
        return new DateTimeOffset(local.Date, local.Offset).ToUniversalTime();
    }

    private static TimeZoneInfo FindZone()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Asia/Dhaka");
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            // A container without time zone data: Bangladesh has kept UTC+6 all year since 2009.
            return TimeZoneInfo.CreateCustomTimeZone("Asia/Dhaka", TimeSpan.FromHours(6), "Asia/Dhaka", "Asia/Dhaka");
        }
    }
}
