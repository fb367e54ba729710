using MimeKit;

namespace CareForAll.Notifications.Mail.Sending;

/// <summary>Opens a connection to the mail server, so the sender does not depend on how mail leaves.</summary>
internal interface IMailTransport
{
    /// <summary>Connects (and authenticates); throws when the server cannot be reached.</summary>
    Task<IMailSession> OpenAsync(CancellationToken cancellationToken);
}

/// <summary>One connection, over which a round's mails are sent one after another.</summary>
internal interface IMailSession : IAsyncDisposable
{
    /// <summary>False once the server or the network dropped the connection.</summary>
    bool IsConnected { get; }

    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
}
