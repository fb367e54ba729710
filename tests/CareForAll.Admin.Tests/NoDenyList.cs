using CareForAll.ServiceDefaults.Auth;

namespace CareForAll.Admin.Tests;

/// <summary>A deny-list that refuses nothing (no Redis in these tests).</summary>
internal sealed class NoDenyList : IAccessTokenDenyList
{
    public Task DenyTokenAsync(string jti, DateTimeOffset expiresAt) => Task.CompletedTask;

    public Task SuspendUserAsync(Guid userId) => Task.CompletedTask;

    public Task ReinstateUserAsync(Guid userId) => Task.CompletedTask;

    public Task<bool> IsRefusedAsync(string jti, Guid userId) => Task.FromResult(false);
}
