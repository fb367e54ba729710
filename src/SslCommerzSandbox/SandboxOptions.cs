namespace CareForAll.SslCommerzSandbox;

/// <summary>The emulated store and the gateway's behaviour (configuration section <c>Sandbox</c>).</summary>
internal sealed class SandboxOptions
{
    public const string SectionName = "Sandbox";

    /// <summary>The store id merchants must send; the AppHost shares it with the payments service.</summary>
    public string StoreId { get; set; } = "careforall0dev";

    /// <summary>The store's API password; real sandbox stores use <c>&lt;store_id&gt;@ssl</c>.</summary>
    public string StorePassword { get; set; } = "careforall0dev@ssl";

    /// <summary>Shown on the checkout page and in the session answer (the real sandbox says "Demo").</summary>
    public string StoreName { get; set; } = "Demo";

    /// <summary>The gateway's fee: store_amount = amount × (1 − FeeRate); 2.5 % in every sandbox capture.</summary>
    public decimal FeeRate { get; set; } = 0.025m;

    /// <summary>How long a refund stays "processing" before it reads "refunded".</summary>
    public TimeSpan RefundDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>An unpaid session older than this reports EXPIRED.</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Whether refunds need <c>refund_trans_id</c> (the real API does since 2025-02-24; legacy SDKs omit it).</summary>
    public bool RequireRefundTransId { get; set; } = true;

    /// <summary>How long one IPN or browser post may take before it counts as a timeout.</summary>
    public TimeSpan DeliveryTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
