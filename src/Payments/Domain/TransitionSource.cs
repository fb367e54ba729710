namespace CareForAll.Payments.Domain;

/// <summary>What asked for a move, as written in the state history.</summary>
internal static class TransitionSource
{
    public const string Initiation = "initiation";
    public const string Ipn = "ipn";
    public const string Browser = "browser";
    public const string Reconciliation = "reconciliation";
    public const string Admin = "admin";
}
