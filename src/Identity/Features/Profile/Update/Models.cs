using CareForAll.Identity.Users;

namespace CareForAll.Identity.Features.Profile.Update;

/// <summary>
/// Each field: absent or null leaves it as it is, an empty string clears it, anything else replaces it.
/// Email, password and role are not profile fields and cannot be changed here.
/// </summary>
internal sealed class Request
{
    public string? FirstName { get; init; }

    public string? LastName { get; init; }

    public string? Phone { get; init; }

    public string? AvatarUrl { get; init; }

    public string? Bio { get; init; }
}

internal sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(x => x.FirstName).PersonName("First name");
        RuleFor(x => x.LastName).PersonName("Last name");
        RuleFor(x => x.Phone).PhoneNumber().When(x => x.Phone is not "");
        RuleFor(x => x.AvatarUrl).AvatarUrl().When(x => x.AvatarUrl is not "");
        RuleFor(x => x.Bio).Bio();
    }
}
