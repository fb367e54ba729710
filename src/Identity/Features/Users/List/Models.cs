using CareForAll.Identity.Users;
using CareForAll.ServiceDefaults.Auth;

namespace CareForAll.Identity.Features.Users.List;

/// <summary>Every account, newest first, for the admins' user list.</summary>
internal sealed class Request
{
    public int Page { get; init; } = 1;

    public int Limit { get; init; } = Paging.DefaultLimit;

    /// <summary>Part of an email address or a name, matched case-insensitively.</summary>
    public string? Search { get; init; }

    /// <summary><c>active</c> or <c>suspended</c> (any case).</summary>
    public string? Status { get; init; }

    /// <summary><c>USER</c> or <c>ADMIN</c> (any case).</summary>
    public string? Role { get; init; }
}

internal sealed class Validator : Validator<Request>
{
    public const int MaxSearchLength = 200;

    public Validator()
    {
        RuleFor(x => x.Page).PageNumber();
        RuleFor(x => x.Limit).PageLimit();
        RuleFor(x => x.Search).MaximumLength(MaxSearchLength).WithMessage($"Search text must be at most {MaxSearchLength} characters.");
        RuleFor(x => x.Status)
            .Must(status => status is null || UserFilter.IsActive(status) is not null)
            .WithMessage("Status must be active or suspended.");
        RuleFor(x => x.Role)
            .Must(role => role is null || UserFilter.Role(role) is not null)
            .WithMessage($"Role must be {CareForAllClaims.UserRole} or {CareForAllClaims.AdminRole}.");
    }
}

/// <summary>One account as the admins' list shows it.</summary>
internal sealed class Item
{
    public required Guid Id { get; init; }

    public required string Email { get; init; }

    public required string Role { get; init; }

    public required bool IsActive { get; init; }

    public required bool EmailVerified { get; init; }

    public string? FirstName { get; init; }

    public string? LastName { get; init; }

    public DateTimeOffset? SuspendedAt { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }
}

/// <summary>The filter words of the query string, read leniently (case) and strictly (values).</summary>
internal static class UserFilter
{
    /// <summary><c>active</c> → true, <c>suspended</c> → false, anything else null.</summary>
    public static bool? IsActive(string status) =>
        status.Equals(UserStatus.Active, StringComparison.OrdinalIgnoreCase) ? true
        : status.Equals(UserStatus.Suspended, StringComparison.OrdinalIgnoreCase) ? false
        : null;

    /// <summary>The stored role for <paramref name="role"/>, or null when it is not one.</summary>
    public static string? Role(string role) =>
        role.Equals(CareForAllClaims.UserRole, StringComparison.OrdinalIgnoreCase) ? CareForAllClaims.UserRole
        : role.Equals(CareForAllClaims.AdminRole, StringComparison.OrdinalIgnoreCase) ? CareForAllClaims.AdminRole
        : null;

    /// <summary>A LIKE pattern matching <paramref name="search"/> anywhere, its own wildcards taken literally.</summary>
    public static string? Pattern(string? search)
    {
        if (string.IsNullOrWhiteSpace(search))
        {
            return null;
        }

        var escaped = search.Trim()
            .Replace(@"\", @"\\", StringComparison.Ordinal)
            .Replace("%", @"\%", StringComparison.Ordinal)
            .Replace("_", @"\_", StringComparison.Ordinal);
        return $"%{escaped}%";
    }
}
