namespace CareForAll.SslCommerzSandbox.Tests;

/// <summary>A form post the merchant stand-in received.</summary>
internal sealed record ReceivedPost(string Path, string? ContentType, IReadOnlyDictionary<string, string> Fields, DateTimeOffset At)
{
    public string this[string field] => Fields[field];

    public string? TranId => Fields.GetValueOrDefault("tran_id");
}
