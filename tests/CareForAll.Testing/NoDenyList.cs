using CareForAll.ServiceDefaults.Auth;

namespace CareForAll.Testing;

/// <summary>A deny-list that refuses nothing, for hosts that run without Redis.</summary>
public sealed class NoDenyList : IAccessTokenDenyList
{
    /// <inheritdoc />
    public Task DenyTokenAsync(string jti, DateTimeOffset expiresAt) => Task.CompletedTask;

    /// <inheritdoc />
    public Task SuspendUserAsync(Guid userId) => Task.CompletedTask;

    /// <inheritdoc />
    public Task ReinstateUserAsync(Guid userId) => Task.CompletedTask;

    /// <inheritdoc />
    public Task<bool> IsRefusedAsync(string jti, Guid userId) => Task.FromResult(false);
}
