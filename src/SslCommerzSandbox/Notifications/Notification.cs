namespace CareForAll.SslCommerzSandbox.Notifications;

/// <summary>The signed fields posted to the IPN listener and, identically, by the payer's browser to the return URL.</summary>
internal sealed record Notification(string TranId, string Status, IReadOnlyList<KeyValuePair<string, string>> Fields)
{
    /// <summary>The value of a field, or null when the notification does not carry it.</summary>
    public string? this[string key] => Fields.FirstOrDefault(field => field.Key == key).Value;
}
