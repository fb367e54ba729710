using System.Globalization;
using System.Text;

namespace CareForAll.Notifications.Mail;

/// <summary>
/// How amounts, dates and counts read in a mail, per language. The service runs with invariant globalization, so
/// nothing here leans on a culture: separators are fixed and Bangla digits and month names are spelled out.
/// Dates are in Bangladesh time, where the donors are, whatever the server's zone.
/// </summary>
internal static class MailFormats
{
    private static readonly string[] BanglaMonths =
    [
        "জানুয়ারি", "ফেব্রুয়ারি", "মার্চ", "এপ্রিল", "মে", "জুন", "জুলাই", "আগস্ট", "সেপ্টেম্বর", "অক্টোবর", "নভেম্বর", "ডিসেম্বর",
    ];

    /// <summary>
    /// Asia/Dhaka from the system's zone data, or UTC+6 where an image ships without it (Bangladesh has kept UTC+6
    /// without daylight saving since 2009, so the fallback gives the same answer).
    /// </summary>
    public static TimeZoneInfo Dhaka { get; } = FindDhaka();

    /// <summary>"BDT 1,500.00" in English, "৳১,৫০০.০০" in Bangla; another currency keeps its code in front.</summary>
    public static string Money(decimal amount, string currency, string language)
    {
        var number = amount.ToString("#,0.00", CultureInfo.InvariantCulture);
        var code = string.IsNullOrWhiteSpace(currency) ? "BDT" : currency.Trim().ToUpperInvariant();
        if (language == MailLanguage.Bangla)
        {
            return code == "BDT" ? "৳" + BanglaDigits(number) : $"{code} {BanglaDigits(number)}";
        }

        return $"{code} {number}";
    }

    /// <summary>"25 November 2026, 4:00 PM" / "২৫ নভেম্বর ২০২৬, ১৬:০০", in Bangladesh time.</summary>
    public static string DhakaTime(DateTimeOffset at, string language)
    {
        var local = TimeZoneInfo.ConvertTime(at, Dhaka);
        if (language == MailLanguage.Bangla)
        {
            var text = string.Create(CultureInfo.InvariantCulture,
                $"{local.Day} {BanglaMonths[local.Month - 1]} {local.Year}, {local.Hour:00}:{local.Minute:00}");
            return BanglaDigits(text);
        }

        return local.ToString("d MMMM yyyy, h:mm tt", CultureInfo.InvariantCulture);
    }

    /// <summary>A count, with thousands separators; Bangla digits in Bangla.</summary>
    public static string Number(long value, string language)
    {
        var text = value.ToString("#,0", CultureInfo.InvariantCulture);
        return language == MailLanguage.Bangla ? BanglaDigits(text) : text;
    }

    /// <summary>Replaces the digits 0-9 with the Bengali digits ০-৯.</summary>
    public static string BanglaDigits(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(c is >= '0' and <= '9' ? (char)('০' + (c - '0')) : c);
        }

        return builder.ToString();
    }

    private static TimeZoneInfo FindDhaka()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Asia/Dhaka");
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return TimeZoneInfo.CreateCustomTimeZone("Asia/Dhaka", TimeSpan.FromHours(6), "Asia/Dhaka", "Bangladesh Standard Time");
        }
    }
}

/// <summary>The languages mail is written in.</summary>
internal static class MailLanguage
{
    public const string English = "en";

    public const string Bangla = "bn";

    /// <summary>Organiser and admin mail.</summary>
    public static readonly IReadOnlyList<string> EnglishOnly = [English];

    /// <summary>
    /// Mail a donor reads: both languages in one message, English first (the language of the site they just used,
    /// and of every mail that is English only), Bangla after it, with a line in Bangla at the top saying so. We know
    /// no donor's preferred language, guests least of all, so nobody gets a message they cannot read.
    /// </summary>
    public static readonly IReadOnlyList<string> EnglishAndBangla = [English, Bangla];
}
