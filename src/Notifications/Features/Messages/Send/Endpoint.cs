using CareForAll.Notifications.Mail;
using CareForAll.ServiceDefaults.Api;
using CareForAll.ServiceDefaults.Auth;

namespace CareForAll.Notifications.Features.Messages.Send;

/// <summary>
/// The seed's <c>POST /api/notifications/email</c>: an admin (or a service acting with an admin's token) sends a
/// plain message. Internal only: the gateway never routes it. Answers 202 once the mail is queued; the sender
/// delivers it.
/// </summary>
internal sealed class Endpoint(NpgsqlDataSource database, MailQueue queue, ILogger<Endpoint> logger) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Post("/api/notifications/email");
        Policies(CareForAllPolicies.Admin);
        MaxRequestBodySize(NotificationsLimits.MaxRequestBodyBytes);
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var to = EmailAddress.Normalize(req.To!);
        await using var connection = await database.OpenConnectionAsync(ct);
        var id = await queue.QueueAsync(connection, null,
            new MailDraft(MailTemplateNames.Message, MailLanguage.EnglishOnly, MessageModel.From(req.Subject!, req.Text!)),
            new Recipient(to, req.UserId),
            DedupeKeys.Single(MailTemplateNames.Message, Guid.CreateVersion7()),
            MailOrigin.Request,
            ct) ?? throw new InvalidOperationException("A fresh dedupe key was already taken.");

        logger.AdminMessageQueued(User.UserId(), id);
        await Send.ResponseAsync(new Response { Id = id, Status = "queued" }, StatusCodes.Status202Accepted, ct);
    }
}
