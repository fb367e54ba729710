using System.Data.Common;
using System.Globalization;
using MailKit.Security;

namespace CareForAll.Notifications.Mail.Sending;

/// <summary>
/// Where mail goes, from <c>ConnectionStrings:smtp</c>: <c>Endpoint=smtp://host:port[;Username=…;Password=…;UseSsl=true|false]</c>
/// (the AppHost's SMTP sink in development, a secret in production). <c>smtps://</c> or <c>UseSsl=true</c> means TLS
/// from the first byte (port 465); <c>UseSsl=false</c> means none; otherwise STARTTLS is used when the server offers it.
/// </summary>
internal sealed record SmtpSettings(string Host, int Port, string? Username, string? Password, SecureSocketOptions Security)
{
    public const string ConnectionName = "smtp";

    public static SmtpSettings Parse(string? connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException(
                $"ConnectionStrings:{ConnectionName} must be set, e.g. \"Endpoint=smtp://localhost:1025\"; without it no mail could ever leave.");
        }

        var parts = new DbConnectionStringBuilder();
        if (connectionString.Contains('=', StringComparison.Ordinal))
        {
            parts.ConnectionString = connectionString;
        }
        else
        {
            parts["Endpoint"] = connectionString.Trim();
        }

        if (!Uri.TryCreate(Value(parts, "Endpoint"), UriKind.Absolute, out var endpoint)
            || endpoint.Scheme is not ("smtp" or "smtps") || string.IsNullOrEmpty(endpoint.Host))
        {
            throw new InvalidOperationException($"ConnectionStrings:{ConnectionName} needs Endpoint=smtp://host:port (or smtps://).");
        }

        var useSsl = Value(parts, "UseSsl") is { } text
            ? bool.Parse(text)
            : (bool?)null;
        var tls = endpoint.Scheme == "smtps";
        var security = useSsl switch
        {
            true => SecureSocketOptions.SslOnConnect,
            false => SecureSocketOptions.None,
            null => tls ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTlsWhenAvailable,
        };
        var port = endpoint.IsDefaultPort || endpoint.Port <= 0 ? (tls ? 465 : 25) : endpoint.Port;
        return new SmtpSettings(endpoint.Host, port, Value(parts, "Username"), Value(parts, "Password"), security);
    }

    /// <summary>Host and port only: what a log line may say (never the credentials).</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Host}:{Port}");

    private static string? Value(DbConnectionStringBuilder parts, string key) =>
        parts.TryGetValue(key, out var value) && value is string text && !string.IsNullOrWhiteSpace(text) ? text.Trim() : null;
}
