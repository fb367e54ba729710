namespace CareForAll.BuildingBlocks.Messaging;

/// <summary>Some events of a relay round were not confirmed by the broker; they were given back to the outbox.</summary>
public sealed class OutboxPublishException : Exception
{
    /// <summary>Creates the exception.</summary>
    public OutboxPublishException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public OutboxPublishException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public OutboxPublishException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    internal OutboxPublishException(int failed, int total, Exception firstError)
        : base($"{failed} of {total} events were not confirmed by the broker: {firstError.Message}", firstError)
    {
    }
}
