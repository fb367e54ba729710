using System.Collections.Concurrent;
using CareForAll.ServiceDefaults.Auth;

namespace CareForAll.ServiceDefaults.Tests.Support;

internal sealed class FakeDenyList : IAccessTokenDenyList
{
    private readonly ConcurrentDictionary<string, bool> _tokens = new();
    private readonly ConcurrentDictionary<Guid, bool> _users = new();
    private readonly ConcurrentDictionary<Guid, bool> _unreachableFor = new();

    /// <summary>Makes every check for this user fail as if Redis were down.</summary>
    public void BreakFor(Guid userId) => _unreachableFor[userId] = true;

    public Task DenyTokenAsync(string jti, DateTimeOffset expiresAt)
    {
        _tokens[jti] = true;
        return Task.CompletedTask;
    }

    public Task SuspendUserAsync(Guid userId)
    {
        _users[userId] = true;
        return Task.CompletedTask;
    }

    public Task ReinstateUserAsync(Guid userId)
    {
        _users.TryRemove(userId, out _);
        return Task.CompletedTask;
    }

    public Task<bool> IsRefusedAsync(string jti, Guid userId) =>
        _unreachableFor.ContainsKey(userId)
            ? Task.FromException<bool>(new InvalidOperationException("No connection is active/available to service this operation"))
            : Task.FromResult(_tokens.ContainsKey(jti) || _users.ContainsKey(userId));
}
