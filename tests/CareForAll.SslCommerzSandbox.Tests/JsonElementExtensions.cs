namespace CareForAll.SslCommerzSandbox.Tests;

internal static class JsonElementExtensions
{
    public static string Text(this JsonElement element, string property) => element.GetProperty(property).GetString()!;

    public static IReadOnlyList<string> Keys(this JsonElement element) => [.. element.EnumerateObject().Select(property => property.Name)];

    public static Dictionary<string, string> Fields(this JsonElement delivery) =>
        delivery.GetProperty("fields").EnumerateObject().ToDictionary(field => field.Name, field => field.Value.GetString()!, StringComparer.Ordinal);

    public static bool IsIpn(this JsonElement delivery) => delivery.Text("kind") == "ipn";
}
