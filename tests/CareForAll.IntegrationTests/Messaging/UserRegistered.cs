namespace CareForAll.IntegrationTests.Messaging;

/// <summary>The part of identity's <c>user.registered</c> event the test consumer reads.</summary>
public sealed record UserRegistered(Guid UserId, string Email);
