using CareForAll.BuildingBlocks.Messaging;
using Dapper;

namespace CareForAll.IntegrationTests.Messaging;

/// <summary>
/// Counts every time it runs for a user, inside the consumer's transaction. A count above one would mean an effect
/// happened twice, which the inbox must prevent whatever the redeliveries.
/// </summary>
internal sealed class RecordRegistration : IEventHandler<UserRegistered>
{
    public Task HandleAsync(EventContext<UserRegistered> context, CancellationToken cancellationToken) =>
        context.Connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO registration_ledger (user_id, email, times_handled)
            VALUES (@UserId, @Email, 1)
            ON CONFLICT (user_id) DO UPDATE SET times_handled = registration_ledger.times_handled + 1
            """,
            new { context.Data.UserId, context.Data.Email },
            context.Transaction,
            cancellationToken: cancellationToken));
}
