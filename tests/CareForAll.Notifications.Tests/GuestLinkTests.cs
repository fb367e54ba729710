using System.Text.RegularExpressions;
using CareForAll.Notifications.Features.GuestLinks.Decide;
using CareForAll.Notifications.Mail;
using FastEndpoints;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Request = CareForAll.Notifications.Features.GuestLinks.Request;

namespace CareForAll.Notifications.Tests;

[Collection(PostgresGroup.Name)]
public sealed class GuestLinkTests(PostgresServer server)
{
    private const string KnownGuest = "known.guest@example.org";

    private static async Task<(int Status, string Message)> AskAsync(Harness h, string email)
    {
        var endpoint = Factory.Create<Request.Endpoint>(Callers.Anonymous, h.Database, (TimeProvider)h.Clock);
        await endpoint.HandleAsync(new Request.Request { Email = email }, CancellationToken.None);
        return (endpoint.HttpContext.Response.StatusCode, endpoint.Response.Message);
    }

    private static GuestLinkRequests Decider(Harness h) =>
        new(h.Database, h.Queue, h.Tokens, h.Options, Options.Create(h.SenderSettings), h.Clock, NullLogger<GuestLinkRequests>.Instance);

    private static async Task<Harness> WithKnownGuestAsync(PostgresServer server)
    {
        var h = await Harness.CreateAsync(server);
        var pledge = Guid.CreateVersion7();
        await h.DeliverCompletedAsync(Events.Pledge(pledge, Guid.CreateVersion7(), "completed", "payment_initiated", email: KnownGuest), pledge);
        await h.ExecuteAsync("DELETE FROM notifications.notifications");
        return h;
    }

    [Fact]
    public async Task known_and_unknown_addresses_get_the_same_answer_and_only_the_known_one_gets_mail()
    {
        await using var h = await WithKnownGuestAsync(server);

        var known = await AskAsync(h, "Known.Guest@Example.org");
        var unknown = await AskAsync(h, "stranger@example.org");

        known.ShouldBe(unknown);
        known.Status.ShouldBe(202);
        // The same work for both: one appended request each, nothing decided while the caller waits.
        (await h.ScalarAsync<long>("SELECT count(*) FROM notifications.guest_link_requests")).ShouldBe(2);
        (await h.MailsAsync()).ShouldBeEmpty();

        (await Decider(h).DecideAsync(CancellationToken.None)).ShouldBe(2);

        var mail = (await h.MailsAsync()).ShouldHaveSingleItem();
        mail.Template.ShouldBe(MailTemplateNames.GuestHistoryLink);
        mail.RecipientEmail.ShouldBe(KnownGuest);
        mail.UserId.ShouldBeNull();
        mail.Sensitive.ShouldBeTrue();
        mail.Languages.ShouldBe("en,bn");
        var link = Regex.Match(mail.BodyText, @"https://careforall\.test/donations/guest#email=(?<email>[^&\s]+)&token=(?<token>\S+)");
        link.Success.ShouldBeTrue(mail.BodyText);
        Uri.UnescapeDataString(link.Groups["email"].Value).ShouldBe(KnownGuest);
        h.Tokens.OpensDonorHistory(Uri.UnescapeDataString(link.Groups["token"].Value), KnownGuest).ShouldBeTrue();
        h.Tokens.OpensDonorHistory(Uri.UnescapeDataString(link.Groups["token"].Value), "stranger@example.org").ShouldBeFalse();
        (await h.ScalarAsync<long>("SELECT count(*) FROM notifications.guest_link_requests")).ShouldBe(0);
    }

    [Fact]
    public async Task at_most_one_link_per_address_per_ten_minutes_silently()
    {
        await using var h = await WithKnownGuestAsync(server);
        var decider = Decider(h);

        await AskAsync(h, KnownGuest);
        await AskAsync(h, KnownGuest);
        await decider.DecideAsync(CancellationToken.None);
        (await h.MailsAsync()).Count.ShouldBe(1);

        h.Clock.Advance(TimeSpan.FromMinutes(9));
        var throttled = await AskAsync(h, KnownGuest);
        await decider.DecideAsync(CancellationToken.None);
        throttled.Status.ShouldBe(202);
        (await h.MailsAsync()).Count.ShouldBe(1);

        h.Clock.Advance(TimeSpan.FromMinutes(1));
        await AskAsync(h, KnownGuest);
        await decider.DecideAsync(CancellationToken.None);
        (await h.MailsAsync()).Count.ShouldBe(2);
    }

    [Fact]
    public void an_invalid_address_is_a_validation_error()
    {
        var validator = new Request.Validator();

        validator.Validate(new Request.Request { Email = "not an email" }).Errors.ShouldHaveSingleItem().PropertyName.ShouldBe("Email", StringCompareShould.IgnoreCase);
        validator.Validate(new Request.Request()).IsValid.ShouldBeFalse();
        validator.Validate(new Request.Request { Email = "guest@example.org" }).IsValid.ShouldBeTrue();
    }
}
