namespace CareForAll.Notifications.Features.GuestLinks.Request;

internal sealed class Request
{
    public string? Email { get; init; }
}

internal sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(x => x.Email)
            .Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Email is required.")
            .Must(CareForAll.ServiceDefaults.Api.EmailAddress.IsValid).WithMessage("Email must be a valid email address.");
    }
}

internal sealed class Response
{
    /// <summary>The same words for every address: the answer never tells whether an address has donations.</summary>
    public const string Accepted = "If this email address has donations on CareForAll, a link to see them is on its way to it.";

    public required string Message { get; init; }
}
