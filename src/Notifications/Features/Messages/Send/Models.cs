namespace CareForAll.Notifications.Features.Messages.Send;

internal sealed class Request
{
    public string? To { get; init; }

    public string? Subject { get; init; }

    public string? Text { get; init; }

    /// <summary>The recipient's account, so the message shows in their history.</summary>
    public Guid? UserId { get; init; }
}

internal sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(x => x.To)
            .Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("To is required.")
            .Must(CareForAll.ServiceDefaults.Api.EmailAddress.IsValid).WithMessage("To must be a valid email address.");
        RuleFor(x => x.Subject)
            .Cascade(CascadeMode.Stop)
            .Must(s => !string.IsNullOrWhiteSpace(s)).WithMessage("Subject is required.")
            .Must(s => s!.Trim().Length <= NotificationsLimits.MaxSubjectLength)
            .WithMessage($"Subject must be at most {NotificationsLimits.MaxSubjectLength} characters.");
        RuleFor(x => x.Text)
            .Cascade(CascadeMode.Stop)
            .Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("Text is required.")
            .MaximumLength(NotificationsLimits.MaxTextLength).WithMessage($"Text must be at most {NotificationsLimits.MaxTextLength} characters.");
        RuleFor(x => x.UserId).Must(id => id != Guid.Empty).When(x => x.UserId is not null).WithMessage("User id must not be empty.");
    }
}

internal sealed class Response
{
    public required Guid Id { get; init; }

    public required string Status { get; init; }
}
