using System.Text.Json;
using CareForAll.Payments.SslCommerz;
using Microsoft.Extensions.Primitives;

namespace CareForAll.Payments.Notifications;

/// <summary>A notification as posted by the gateway (IPN) or by the donor's browser (return), every field kept.</summary>
internal sealed class Notification
{
    private Notification(IReadOnlyDictionary<string, string> fields, string payloadJson, string source, string? remoteAddress)
    {
        Fields = fields;
        PayloadJson = payloadJson;
        Source = source;
        RemoteAddress = remoteAddress;
        TranId = Field("tran_id").Trim();
        Status = GatewayStatus.Normalize(Field("status"));
        ValId = Field("val_id").Trim();
        Error = GatewayValues.NullIfBlank(Field("error"));
        // verify_sign is on every genuine notification; verify_sign_sha2 may be left out, so keying on it would let a
        // copy without it pass as a new notification.
        Signature = Field(NotificationSignature.VerifySign);
    }

    /// <summary>Each field's value (the last one, as PHP's <c>$_POST</c> reads a repeated field).</summary>
    public IReadOnlyDictionary<string, string> Fields { get; }

    /// <summary>The whole form as a JSON object; a repeated field becomes an array of its values.</summary>
    public string PayloadJson { get; }

    /// <summary><c>ipn</c> or <c>browser</c>.</summary>
    public string Source { get; }

    public string? RemoteAddress { get; }

    public string TranId { get; }

    public string Status { get; }

    public string ValId { get; }

    public string? Error { get; }

    public string Signature { get; }

    public static Notification FromForm(IEnumerable<KeyValuePair<string, StringValues>> form, string source, string? remoteAddress)
    {
        ArgumentNullException.ThrowIfNull(form);
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        var payload = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var (key, values) in form)
        {
            fields[key] = values.Count == 0 ? "" : values[^1] ?? "";
            payload[key] = values.Count == 1 ? values[0] ?? "" : values.Select(v => v ?? "").ToArray();
        }

        return new Notification(fields, JsonSerializer.Serialize(payload), source, remoteAddress);
    }

    public static Notification FromFields(IReadOnlyDictionary<string, string> fields, string source, string? remoteAddress = null) =>
        FromForm(fields.Select(f => KeyValuePair.Create(f.Key, new StringValues(f.Value))), source, remoteAddress);

    private string Field(string name) => Fields.TryGetValue(name, out var value) ? value : "";
}
