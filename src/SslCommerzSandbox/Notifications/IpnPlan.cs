namespace CareForAll.SslCommerzSandbox.Notifications;

/// <summary>How the IPN is sent.</summary>
/// <param name="Delay">Wait before the first IPN.</param>
/// <param name="Drop">Never send it (a firewall, a wrong URL, a gateway hiccup).</param>
/// <param name="Copies">Identical IPNs sent at the same time, each with its own retries.</param>
/// <param name="EarlierFailure">First send a FAILED notification of an earlier attempt under the same tran_id.</param>
/// <param name="Retries">Further tries after a non-2xx answer or a timeout, with doubling back-off from 200 ms.</param>
internal sealed record IpnPlan(TimeSpan Delay, bool Drop, int Copies, bool EarlierFailure, int Retries)
{
    public static readonly IpnPlan Default = new(TimeSpan.Zero, Drop: false, Copies: 1, EarlierFailure: false, Retries: 3);
}
