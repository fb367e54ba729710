namespace CareForAll.SslCommerzSandbox.Gateway;

/// <summary>A checkout session opened by the session API, with every payment attempt made inside it.</summary>
internal sealed class PaymentSession
{
    private readonly Lock _gate = new();
    private readonly List<PaymentAttempt> _attempts = [];

    public required string SessionKey { get; init; }

    /// <summary>The ssl_id of the session's direct gateway links.</summary>
    public required string SslId { get; init; }

    public required string StoreId { get; init; }
    public required string TranId { get; init; }

    /// <summary>The amount in BDT, what the gateway charges and reports as <c>amount</c>.</summary>
    public required decimal Amount { get; init; }

    /// <summary>The currency the merchant asked for (<c>currency_type</c>).</summary>
    public required string CurrencyType { get; init; }

    /// <summary>The amount the merchant asked for, in <see cref="CurrencyType"/> (<c>currency_amount</c>).</summary>
    public required decimal CurrencyAmount { get; init; }

    public required decimal CurrencyRate { get; init; }
    public required string SuccessUrl { get; init; }
    public required string FailUrl { get; init; }
    public required string CancelUrl { get; init; }
    public required string? IpnUrl { get; init; }
    public required string ValueA { get; init; }
    public required string ValueB { get; init; }
    public required string ValueC { get; init; }
    public required string ValueD { get; init; }
    public required string ProductName { get; init; }
    public required string CustomerName { get; init; }
    public required string? MultiCardName { get; init; }

    /// <summary>The channels the session offers (all, or those multi_card_name allows).</summary>
    public required IReadOnlyList<GatewayEntry> Gateways { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>The attempts in the order they were made.</summary>
    public IReadOnlyList<PaymentAttempt> Attempts
    {
        get
        {
            lock (_gate)
            {
                return [.. _attempts];
            }
        }
    }

    /// <summary>The successful attempt, once there is one.</summary>
    public PaymentAttempt? PaidAttempt => Attempts.FirstOrDefault(attempt => attempt.IsValid);

    /// <summary>A session that was never paid expires after its lifetime.</summary>
    public bool IsExpired(DateTimeOffset now, TimeSpan lifetime) => PaidAttempt is null && now - CreatedAt > lifetime;

    /// <summary>Where the payer's browser goes back to after an attempt with <paramref name="status"/>.</summary>
    public string ReturnUrlFor(string status) => status switch
    {
        TransactionStatus.Valid => SuccessUrl,
        TransactionStatus.Cancelled => CancelUrl,
        _ => FailUrl,
    };

    /// <summary>
    /// Adds attempts as a payer can: never after the session was paid, and only EXPIRED once it has expired.
    /// </summary>
    public AttemptRefusal TryAdd(IReadOnlyList<PaymentAttempt> attempts, DateTimeOffset now, TimeSpan lifetime)
    {
        lock (_gate)
        {
            if (_attempts.Any(attempt => attempt.IsValid))
            {
                return AttemptRefusal.AlreadyPaid;
            }

            if (now - CreatedAt > lifetime && attempts.Any(attempt => attempt.Status != TransactionStatus.Expired))
            {
                return AttemptRefusal.Expired;
            }

            _attempts.AddRange(attempts);
            return AttemptRefusal.None;
        }
    }

    /// <summary>Adds an attempt unconditionally (hand-made notifications of the control API).</summary>
    public void Add(PaymentAttempt attempt)
    {
        lock (_gate)
        {
            _attempts.Add(attempt);
        }
    }
}
