using CareForAll.Notifications.Mail;
using CareForAll.ServiceDefaults.Api;
using FastEndpoints;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using History = CareForAll.Notifications.Features.History.ListByUser;
using Send = CareForAll.Notifications.Features.Messages.Send;

namespace CareForAll.Notifications.Tests;

[Collection(PostgresGroup.Name)]
public sealed class HistoryTests(PostgresServer server)
{
    private readonly Guid _user = Guid.CreateVersion7();

    private static History.Endpoint ListAs(Harness h, Action<DefaultHttpContext> caller) => Factory.Create<History.Endpoint>(caller, h.Database);

    private async Task QueueForUserAsync(Harness h, string subject, bool sensitive = false)
    {
        await using var connection = await h.Database.OpenConnectionAsync();
        await h.Queue.QueueAsync(connection, null,
            new MailDraft(MailTemplateNames.Message, MailLanguage.EnglishOnly, MessageModel.From(subject, $"Text of {subject}"), sensitive),
            new Recipient("user@example.org", _user), $"test:{Guid.NewGuid():N}", MailOrigin.Request, CancellationToken.None);
        h.Clock.Advance(TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task a_user_reads_their_own_history_newest_first_without_html_or_secrets()
    {
        await using var h = await Harness.CreateAsync(server);
        await QueueForUserAsync(h, "First");
        await QueueForUserAsync(h, "Secret link", sensitive: true);
        await QueueForUserAsync(h, "Third");
        await using (var connection = await h.Database.OpenConnectionAsync())
        {
            await h.Queue.QueueAsync(connection, null, new MailDraft(MailTemplateNames.Message, MailLanguage.EnglishOnly, MessageModel.From("Other", "x")),
                new Recipient("other@example.org", Guid.CreateVersion7()), "test:other", MailOrigin.Request, CancellationToken.None);
        }

        var endpoint = ListAs(h, Callers.User(_user));
        await endpoint.HandleAsync(new History.Request { UserId = _user, Page = 1, Limit = 2 }, CancellationToken.None);

        endpoint.Response.Total.ShouldBe(3);
        endpoint.Response.TotalPages.ShouldBe(2);
        endpoint.Response.Items.Select(i => i.Subject).ShouldBe(["Third", "Secret link"]);
        endpoint.Response.Items[0].BodyText.ShouldNotBeNull().ShouldContain("Text of Third");
        endpoint.Response.Items[0].BodyHtml.ShouldBeNull();
        endpoint.Response.Items[0].Languages.ShouldBe(["en"]);
        endpoint.Response.Items[0].Status.ShouldBe("queued");
        endpoint.Response.Items[1].BodyText.ShouldBeNull();

        var withHtml = ListAs(h, Callers.User(_user));
        await withHtml.HandleAsync(new History.Request { UserId = _user, Page = 2, Limit = 2, IncludeHtml = true }, CancellationToken.None);
        withHtml.Response.Items.ShouldHaveSingleItem().BodyHtml.ShouldNotBeNull().ShouldContain("Text of First");
    }

    [Fact]
    public async Task another_user_is_refused_and_an_admin_may_read_anyones()
    {
        await using var h = await Harness.CreateAsync(server);
        await QueueForUserAsync(h, "Mine");

        var refused = await Should.ThrowAsync<ApiException>(() =>
            ListAs(h, Callers.User(Guid.CreateVersion7())).HandleAsync(new History.Request { UserId = _user }, CancellationToken.None));
        refused.StatusCode.ShouldBe(403);
        refused.Code.ShouldBe("FORBIDDEN");
        var anonymous = await Should.ThrowAsync<ApiException>(() =>
            ListAs(h, Callers.Anonymous).HandleAsync(new History.Request { UserId = _user }, CancellationToken.None));
        anonymous.StatusCode.ShouldBe(403);

        var admin = ListAs(h, Callers.Admin(Guid.CreateVersion7()));
        await admin.HandleAsync(new History.Request { UserId = _user }, CancellationToken.None);
        admin.Response.Items.ShouldHaveSingleItem().Subject.ShouldBe("Mine");
    }

    [Fact]
    public void paging_outside_its_bounds_is_a_validation_error()
    {
        var validator = new History.Validator();

        validator.Validate(new History.Request { UserId = _user, Limit = 101 }).Errors.ShouldHaveSingleItem().PropertyName.ShouldBe("Limit", StringCompareShould.IgnoreCase);
        validator.Validate(new History.Request { UserId = _user, Page = 0 }).Errors.ShouldHaveSingleItem().PropertyName.ShouldBe("Page", StringCompareShould.IgnoreCase);
        validator.Validate(new History.Request { UserId = _user }).IsValid.ShouldBeTrue();
    }

    [Fact]
    public async Task an_admins_message_is_queued_for_the_address_and_shows_in_the_users_history()
    {
        await using var h = await Harness.CreateAsync(server);
        var endpoint = Factory.Create<Send.Endpoint>(Callers.Admin(Guid.CreateVersion7()), h.Database, h.Queue, NullLogger<Send.Endpoint>.Instance);

        await endpoint.HandleAsync(new Send.Request { To = "User@Example.org", Subject = "About your campaign", Text = "Hello <there>", UserId = _user },
            CancellationToken.None);

        endpoint.HttpContext.Response.StatusCode.ShouldBe(202);
        endpoint.Response.Status.ShouldBe("queued");
        var mail = (await h.MailsAsync()).ShouldHaveSingleItem();
        mail.Id.ShouldBe(endpoint.Response.Id);
        mail.RecipientEmail.ShouldBe("user@example.org");
        mail.UserId.ShouldBe(_user);
        mail.BodyHtml.ShouldContain("Hello &lt;there&gt;");
    }

    [Fact]
    public void an_admins_message_needs_an_address_a_subject_and_text()
    {
        var validator = new Send.Validator();

        // Field names as the envelope shows them (camelCase once the application has configured validation).
        var errors = validator.Validate(new Send.Request { To = "nope", Subject = " ", Text = "" }).Errors
            .Select(e => e.PropertyName.ToUpperInvariant()).Order();

        errors.ShouldBe(["SUBJECT", "TEXT", "TO"]);
        validator.Validate(new Send.Request { To = "a@example.org", Subject = new string('x', 201), Text = "t" }).IsValid.ShouldBeFalse();
        validator.Validate(new Send.Request { To = "a@example.org", Subject = "s", Text = "t" }).IsValid.ShouldBeTrue();
    }
}
