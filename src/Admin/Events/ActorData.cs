namespace CareForAll.Admin.Events;

/// <summary>The <c>actor</c> of an owner's event: who made the change through its API.</summary>
internal sealed class ActorData
{
    public const string AdminRole = "ADMIN";

    public Guid? ActorId { get; init; }

    public string? ClientAddress { get; init; }

    public string? UserAgent { get; init; }

    /// <summary><c>USER</c> or <c>ADMIN</c>; absent on events written before the role was carried.</summary>
    public string? Role { get; init; }

    public bool IsAdmin => string.Equals(Role, AdminRole, StringComparison.OrdinalIgnoreCase);
}
