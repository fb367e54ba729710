namespace CareForAll.Admin;

internal static class AdminLimits
{
    /// <summary>A reason and a status fit well within this; anything bigger is refused with 413 before it is read.</summary>
    public const long MaxRequestBodyBytes = 16 * 1024;
}
