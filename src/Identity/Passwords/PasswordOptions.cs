namespace CareForAll.Identity.Passwords;

/// <summary>Settings under <c>Identity:Passwords</c>.</summary>
internal sealed class PasswordOptions
{
    public const string SectionName = "Identity:Passwords";

    /// <summary>The design's floor; anything lower is refused at startup.</summary>
    public const int MinimumWorkFactor = 10;

    /// <summary>bcrypt cost (log2 rounds). The seed asks for 10; raise it as hardware allows.</summary>
    public int WorkFactor { get; set; } = MinimumWorkFactor;
}
