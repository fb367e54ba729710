using Microsoft.Extensions.Primitives;

namespace CareForAll.SslCommerzSandbox.Gateway;

/// <summary>
/// A request's parameters read the way the PHP gateway reads <c>$_REQUEST</c>: the query string (whatever the method,
/// because some SDKs POST with the parameters in the URL) merged with any form body (the body wins), names matched
/// case-insensitively (some plugins send <c>Store_Id</c>), and empty values treated as absent (some SDKs send every
/// known field, empty when unused).
/// </summary>
internal sealed class GatewayParameters
{
    private readonly Dictionary<string, string> _values;

    private GatewayParameters(Dictionary<string, string> values) => _values = values;

    /// <summary>The named parameter, or null when it is absent or empty.</summary>
    public string? this[string name] => _values.GetValueOrDefault(name);

    /// <summary>Whether the named parameter is present and not empty.</summary>
    public bool Has(string name) => _values.ContainsKey(name);

    /// <summary>The request's parameters; a body that is not a readable form counts as no body, as in PHP.</summary>
    public static async Task<GatewayParameters> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in request.Query)
        {
            Add(values, name, value);
        }

        if (request.HasFormContentType)
        {
            try
            {
                var form = await request.ReadFormAsync(cancellationToken);
                foreach (var (name, value) in form)
                {
                    Add(values, name, value);
                }
            }
            catch (Exception exception) when (exception is InvalidDataException or BadHttpRequestException)
            {
                // A malformed body reads as an empty one; the mandatory-field checks then say what is missing.
            }
        }

        return new GatewayParameters(values);
    }

    private static void Add(Dictionary<string, string> values, string name, StringValues value)
    {
        // PHP keeps the last of repeated names.
        var last = value.Count > 0 ? value[value.Count - 1] : null;
        if (!string.IsNullOrEmpty(last))
        {
            values[name] = last;
        }
    }
}
