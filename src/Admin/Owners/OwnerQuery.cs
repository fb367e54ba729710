using System.Text;

namespace CareForAll.Admin.Owners;

/// <summary>Passes list filters on to an owner as the admin gave them; the owner validates them and answers.</summary>
internal static class OwnerQuery
{
    /// <summary>The query string (with its <c>?</c>, or empty) of the named parameters present in <paramref name="request"/>.</summary>
    public static string Pass(HttpRequest request, params string[] names)
    {
        ArgumentNullException.ThrowIfNull(request);
        var query = new StringBuilder();
        foreach (var name in names)
        {
            foreach (var value in request.Query[name])
            {
                query.Append(query.Length == 0 ? '?' : '&')
                    .Append(Uri.EscapeDataString(name))
                    .Append('=')
                    .Append(Uri.EscapeDataString(value ?? ""));
            }
        }

        return query.ToString();
    }
}
