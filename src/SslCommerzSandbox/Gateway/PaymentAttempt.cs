namespace CareForAll.SslCommerzSandbox.Gateway;

/// <summary>One payment attempt inside a session and what the gateway recorded about it.</summary>
internal sealed class PaymentAttempt
{
    private readonly Lock _gate = new();
    private readonly List<Refund> _refunds = [];
    private int _validations;
    private DateTimeOffset? _validatedAt;

    public required PaymentSession Session { get; init; }
    public required string Status { get; init; }

    /// <summary>How the payer paid; null when no channel was used (cancelled, unattempted, expired).</summary>
    public required PaymentMethod? Method { get; init; }

    public required int RiskLevel { get; init; }

    /// <summary>"" unless VALID.</summary>
    public required string ValId { get; init; }

    /// <summary>"" when no bank was reached.</summary>
    public required string BankTranId { get; init; }

    public required string CardNo { get; init; }
    public required string CardRefId { get; init; }
    public required string Error { get; init; }

    /// <summary>The BDT amount charged.</summary>
    public required decimal Amount { get; init; }

    /// <summary>The amount in the merchant's currency.</summary>
    public required decimal CurrencyAmount { get; init; }

    /// <summary>What the store receives after the fee; null unless VALID.</summary>
    public required decimal? StoreAmount { get; init; }

    public required DateTimeOffset TranDate { get; init; }

    public bool IsValid => Status == TransactionStatus.Valid;

    public string RiskTitle => RiskLevel == 1 ? "Not Safe" : "Safe";

    /// <summary>How many times the validation API was asked about this attempt.</summary>
    public int ValidationCount
    {
        get
        {
            lock (_gate)
            {
                return _validations;
            }
        }
    }

    /// <summary>When the validation API first answered for this attempt.</summary>
    public DateTimeOffset? ValidatedAt
    {
        get
        {
            lock (_gate)
            {
                return _validatedAt;
            }
        }
    }

    public IReadOnlyList<Refund> Refunds
    {
        get
        {
            lock (_gate)
            {
                return [.. _refunds];
            }
        }
    }

    /// <summary>Counts one validation; only the very first one is answered VALID, every later one VALIDATED.</summary>
    public (bool First, DateTimeOffset ValidatedAt) Validate(DateTimeOffset now)
    {
        lock (_gate)
        {
            _validations++;
            _validatedAt ??= now;
            return (_validations == 1, _validatedAt.Value);
        }
    }

    /// <summary>Adds a refund when this attempt was paid and still holds that much; otherwise says why not.</summary>
    public string? TryAddRefund(Refund refund)
    {
        lock (_gate)
        {
            if (!IsValid)
            {
                return "Transaction is not refundable";
            }

            var refundable = Amount - _refunds.Sum(existing => existing.Amount);
            if (refund.Amount > refundable)
            {
                return $"Refund amount exceeds the refundable amount ({Money.Format(refundable)})";
            }

            _refunds.Add(refund);
            return null;
        }
    }
}
