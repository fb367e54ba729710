using CareForAll.ServiceDefaults.Api;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using CareForAll.Pledges.Domain;

namespace CareForAll.Pledges.Features.Pledges.Create;

internal sealed class Request
{
    public Guid? CampaignId { get; init; }

    public decimal? Amount { get; init; }

    /// <summary>BDT only; absent means BDT.</summary>
    public string? Currency { get; init; }

    /// <summary>Required for a guest; a signed-in donor's email comes from their token.</summary>
    public string? DonorEmail { get; init; }

    public string? DonorName { get; init; }

    /// <summary>Hides the donor's name and account on the donor wall and in events.</summary>
    public bool IsAnonymous { get; init; }

    public string? Message { get; init; }

    /// <summary>Optional small JSON object of extra donor details.</summary>
    public JsonElement? Metadata { get; init; }

    /// <summary>
    /// The signed-in caller's email, from their token; null for a guest. Never read from the request: the endpoint
    /// overwrites it before validation.
    /// </summary>
    [JsonIgnore]
    public string? TokenEmail { get; set; }
}

internal sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(x => x.CampaignId).NotEmpty().WithMessage("Campaign id is required.");

        RuleFor(x => x.Amount)
            .Cascade(CascadeMode.Stop)
            .NotNull().WithMessage("Amount is required.")
            .Must(a => PledgeAmount.IsInRange(a!.Value))
            .WithMessage($"Amount must be between {PledgeAmount.Minimum:0.00} and {PledgeAmount.Maximum:0.00}.")
            .Must(a => PledgeAmount.HasAtMostTwoDecimals(a!.Value)).WithMessage("Amount must have at most 2 decimal places.");

        RuleFor(x => x.Currency).Must(PledgeAmount.IsAccepted).WithMessage($"Currency must be {PledgeAmount.Currency}.");

        RuleFor(x => x.DonorEmail)
            .Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Donor email is required for a guest pledge.")
            .Must(EmailAddress.IsValid).WithMessage("Donor email must be a valid email address.")
            .When(x => x.TokenEmail is null);

        RuleFor(x => x.DonorName)
            .MaximumLength(PledgeLimits.MaxDonorNameLength)
            .WithMessage($"Donor name must be at most {PledgeLimits.MaxDonorNameLength} characters.");

        RuleFor(x => x.Message)
            .MaximumLength(PledgeLimits.MaxMessageLength)
            .WithMessage($"Message must be at most {PledgeLimits.MaxMessageLength} characters.");

        RuleFor(x => x.Metadata)
            .Cascade(CascadeMode.Stop)
            .Must(m => m!.Value.ValueKind == JsonValueKind.Object).WithMessage("Metadata must be a JSON object.")
            .Must(m => Encoding.UTF8.GetByteCount(m!.Value.GetRawText()) <= PledgeLimits.MaxMetadataBytes)
            .WithMessage($"Metadata must be at most {PledgeLimits.MaxMetadataBytes} bytes of JSON.")
            .When(x => x.Metadata is not null);
    }
}

internal sealed class Response
{
    public required Guid Id { get; init; }

    public required Guid CampaignId { get; init; }

    public Guid? UserId { get; init; }

    public required string DonorEmail { get; init; }

    public string? DonorName { get; init; }

    public required bool IsAnonymous { get; init; }

    public required decimal Amount { get; init; }

    public required string Currency { get; init; }

    public required string Status { get; init; }

    public string? Message { get; init; }

    public JsonElement? Metadata { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>A guest's key to this pledge and its payment (send it as X-Pledge-Token); absent for a signed-in donor.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? GuestToken { get; init; }
}
