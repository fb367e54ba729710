namespace CareForAll.Identity;

internal static class IdentityLimits
{
    /// <summary>
    /// No identity request comes near this (the largest is a profile with a 2,000-character bio); anything
    /// bigger is refused with 413 before it is read.
    /// </summary>
    public const long MaxRequestBodyBytes = 16 * 1024;
}
