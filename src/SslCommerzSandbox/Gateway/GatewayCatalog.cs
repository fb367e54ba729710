namespace CareForAll.SslCommerzSandbox.Gateway;

/// <summary>The channels the emulated store offers (a subset of a real sandbox store's), and multi_card_name filtering.</summary>
internal static class GatewayCatalog
{
    /// <summary>The six gw groups, in the order of the real answer.</summary>
    public static readonly IReadOnlyList<string> Types = ["visa", "master", "amex", "othercards", "internetbanking", "mobilebanking"];

    public static readonly IReadOnlyList<GatewayEntry> All =
    [
        new("AMEX", "amex", "amex.png", "amexcard"),
        new("VISA", "visa", "visa.png", "visacard"),
        new("MASTER", "master", "master.png", "mastercard"),
        new("VISA-Dutch Bangla", "visa", "visa.png", "dbbl_visa"),
        new("MASTER-Dutch Bangla", "master", "master.png", "dbbl_master"),
        new("AMEX-City Bank", "amex", "amex.png", "city_amex"),
        new("QCash", "othercards", "qcash.png", "qcash"),
        new("DBBL Nexus", "othercards", "dbblnexus.png", "dbbl_nexus"),
        new("bKash", "mobilebanking", "bkash.png", "bkash"),
        new("Nagad", "mobilebanking", "nagad.png", "nagad"),
        new("DBBL Mobile Banking", "mobilebanking", "dbblmobilebank.png", "dbblmobilebanking"),
        new("Citytouch", "internetbanking", "citytouch.png", "city"),
        new("Bank Asia", "internetbanking", "bankasia.png", "bankasia"),
        new("IBBL", "internetbanking", "ibbl.png", "ibbl"),
        new("MTBL", "internetbanking", "mtbl.png", "mtbl"),
    ];

    // multi_card_name accepts gateway codes and these group names.
    private static readonly Dictionary<string, string> GroupTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["internetbank"] = "internetbanking",
        ["mobilebank"] = "mobilebanking",
        ["othercard"] = "othercards",
        ["visacard"] = "visa",
        ["mastercard"] = "master",
        ["amexcard"] = "amex",
    };

    /// <summary>The channels a session offers: all of them, or those multi_card_name names (all again when it names none we know).</summary>
    public static IReadOnlyList<GatewayEntry> Offered(string? multiCardName)
    {
        if (string.IsNullOrWhiteSpace(multiCardName))
        {
            return All;
        }

        var names = multiCardName.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var types = names.Select(name => GroupTypes.GetValueOrDefault(name)).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var codes = names.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var offered = All.Where(entry => codes.Contains(entry.Gw) || types.Contains(entry.Type)).ToArray();
        return offered.Length > 0 ? offered : All;
    }
}
