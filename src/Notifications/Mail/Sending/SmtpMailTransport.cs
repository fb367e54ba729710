using MailKit.Net.Smtp;
using Microsoft.Extensions.Options;
using MimeKit;

namespace CareForAll.Notifications.Mail.Sending;

/// <summary>MailKit over SMTP, with the settings of <c>ConnectionStrings:smtp</c>.</summary>
internal sealed class SmtpMailTransport(SmtpSettings settings, IOptions<SenderOptions> options) : IMailTransport
{
    public async Task<IMailSession> OpenAsync(CancellationToken cancellationToken)
    {
        var timeout = options.Value.SmtpTimeout;
        var client = new SmtpClient { Timeout = (int)timeout.TotalMilliseconds };
        try
        {
            // The client's timeout covers each command; this also bounds a connect to an address that never answers.
            using var connecting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            connecting.CancelAfter(timeout);
            await client.ConnectAsync(settings.Host, settings.Port, settings.Security, connecting.Token);
            if (settings.Username is not null)
            {
                await client.AuthenticateAsync(settings.Username, settings.Password ?? "", connecting.Token);
            }

            return new Session(client);
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    private sealed class Session(SmtpClient client) : IMailSession
    {
        public bool IsConnected => client.IsConnected;

        public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken) =>
            await client.SendAsync(message, cancellationToken);

        public async ValueTask DisposeAsync()
        {
            try
            {
                if (client.IsConnected)
                {
                    await client.DisconnectAsync(quit: true, CancellationToken.None);
                }
            }
            catch (Exception ex) when (ex is IOException or MailKit.ProtocolException or MailKit.CommandException or TimeoutException)
            {
                // Leaving a connection the server already dropped; nothing to tidy.
            }
            finally
            {
                client.Dispose();
            }
        }
    }
}
