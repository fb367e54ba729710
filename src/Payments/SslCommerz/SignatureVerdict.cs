namespace CareForAll.Payments.SslCommerz;

/// <summary>Whether a notification's signature holds, and if not, why.</summary>
internal sealed record SignatureVerdict(bool IsValid, string? Problem)
{
    public static readonly SignatureVerdict Valid = new(true, null);

    public static SignatureVerdict Invalid(string problem) => new(false, problem);
}
