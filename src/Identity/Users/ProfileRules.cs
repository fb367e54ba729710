using System.Text.RegularExpressions;

namespace CareForAll.Identity.Users;

/// <summary>Validation rules for profile fields, shared by registration and profile updates.</summary>
internal static partial class ProfileRules
{
    public const int NameMaximumLength = 100;
    public const int PhoneMaximumLength = 20;
    public const int AvatarUrlMaximumLength = 2048;
    public const int BioMaximumLength = 2000;

    public static IRuleBuilderOptions<T, string?> PersonName<T>(this IRuleBuilder<T, string?> rule, string label) =>
        rule.MaximumLength(NameMaximumLength).WithMessage($"{label} must be at most {NameMaximumLength} characters.");

    public static IRuleBuilderOptions<T, string?> PhoneNumber<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(phone => phone is null || (phone.Length <= PhoneMaximumLength && Phone().IsMatch(phone)))
            .WithMessage($"Phone must be a phone number of at most {PhoneMaximumLength} characters (digits, spaces, +, -, parentheses).");

    public static IRuleBuilderOptions<T, string?> AvatarUrl<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(url => url is null || (url.Length <= AvatarUrlMaximumLength
                && Uri.TryCreate(url, UriKind.Absolute, out var uri)
                && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)))
            .WithMessage($"Avatar URL must be an absolute http(s) URL of at most {AvatarUrlMaximumLength} characters.");

    public static IRuleBuilderOptions<T, string?> Bio<T>(this IRuleBuilder<T, string?> rule) =>
        rule.MaximumLength(BioMaximumLength).WithMessage($"Bio must be at most {BioMaximumLength} characters.");

    [GeneratedRegex(@"^\+?[0-9][0-9 ()\-]{4,19}$")]
    private static partial Regex Phone();
}
