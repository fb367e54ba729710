namespace CareForAll.Identity.Tokens;

/// <summary>Settings under <c>Identity:Tokens</c>.</summary>
internal sealed class TokenLifetimes
{
    public const string SectionName = "Identity:Tokens";

    public TimeSpan AccessToken { get; set; } = TimeSpan.FromMinutes(15);

    public TimeSpan RefreshToken { get; set; } = TimeSpan.FromDays(7);
}
