using System.Net;
using System.Reflection;
using System.Text.RegularExpressions;
using CareForAll.Notifications.Mail;

namespace CareForAll.Notifications.Tests;

public sealed class TemplateTests
{
    private static readonly DateTimeOffset Completed = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);
    private static readonly Guid PledgeId = Guid.Parse("0193f0a0-0000-7000-8000-000000000001");

    private static RenderedMail Receipt(string? donorName, string? title, string? link = null) =>
        Harness.Templates.Render(new MailDraft(MailTemplateNames.Receipt, MailLanguage.EnglishAndBangla,
            new ReceiptModel(donorName, 1500m, "BDT", title, "CFA-TRAN-42", PledgeId, Completed, link, link is null ? null : Completed.AddDays(30))));

    [Fact]
    public void a_donor_name_and_campaign_title_with_markup_are_escaped_in_html_in_both_languages()
    {
        var mail = Receipt("<script>alert('name')</script>", "Heart <b>surgery</b> & \"care\"");

        mail.Html.ShouldNotContain("<script>");
        mail.Html.ShouldNotContain("<b>surgery</b>");
        mail.Html.ShouldContain("&lt;script&gt;");
        mail.Html.ShouldContain("Heart &lt;b&gt;surgery&lt;/b&gt; &amp;");
        // Once per language: the Bangla section escapes it as well.
        CountOf(mail.Html, "&lt;script&gt;").ShouldBe(2);
        // Plain text is not HTML: it carries the name as typed, and so does the subject header.
        mail.Text.ShouldContain("<script>alert('name')</script>");
        mail.Subject.ShouldContain("Heart <b>surgery</b> & \"care\"");
    }

    [Fact]
    public void donor_mail_carries_english_first_then_bangla_in_one_message()
    {
        var mail = Receipt("Rahim", "Heart surgery for Rahim");

        mail.Languages.ShouldBe("en,bn");
        var english = mail.Html.IndexOf("<td lang=\"en\"", StringComparison.Ordinal);
        var bangla = mail.Html.IndexOf("<td lang=\"bn\" style=\"padding:20px", StringComparison.Ordinal);
        english.ShouldBeGreaterThan(0);
        bangla.ShouldBeGreaterThan(english);
        mail.Html.ShouldContain("Thank you. Your donation has been received.");
        mail.Html.ShouldContain("ধন্যবাদ। আপনার দান আমরা পেয়েছি।");
        mail.Text.IndexOf("Thank you.", StringComparison.Ordinal).ShouldBeLessThan(mail.Text.IndexOf("ধন্যবাদ।", StringComparison.Ordinal));
        mail.Subject.ShouldBe("Your donation receipt: Heart surgery for Rahim | আপনার দানের রসিদ");
    }

    [Fact]
    public void a_receipt_states_amount_campaign_transaction_and_dhaka_date_in_each_language()
    {
        var mail = Receipt("Rahim", "Heart surgery for Rahim");

        mail.Text.ShouldContain("Amount: BDT 1,500.00");
        mail.Text.ShouldContain("পরিমাণ: ৳১,৫০০.০০");
        mail.Text.ShouldContain("Transaction ID: CFA-TRAN-42");
        mail.Text.ShouldContain("Date: 25 November 2026, 4:00 PM (Bangladesh time)");
        mail.Text.ShouldContain("তারিখ: ২৫ নভেম্বর ২০২৬, ১৬:০০ (বাংলাদেশ সময়)");
        mail.Text.ShouldContain("Campaign: Heart surgery for Rahim");
        mail.Text.ShouldNotContain("guest");
    }

    [Fact]
    public void a_receipt_for_an_unknown_campaign_and_an_anonymous_donor_still_reads_well()
    {
        var mail = Receipt(donorName: null, title: null);

        mail.Text.ShouldContain("Dear donor,");
        mail.Text.ShouldContain("প্রিয় দাতা,");
        mail.Text.ShouldContain("Campaign: a campaign on CareForAll");
        mail.Subject.ShouldBe("Your donation receipt | আপনার দানের রসিদ");
    }

    [Fact]
    public void a_guest_receipt_carries_the_history_link_escaped_in_html_and_as_is_in_text()
    {
        const string link = "https://careforall.test/donations/guest#email=a%40b.org&token=g1.1.abc";
        var mail = Receipt("Guest", "Title", link);

        mail.Text.ShouldContain(link);
        var hrefs = Regex.Matches(mail.Html, "href=\"([^\"]*)\"").Select(m => m.Groups[1].Value).ToList();
        hrefs.Count.ShouldBe(2);
        hrefs.ShouldAllBe(href => !href.Contains("&token", StringComparison.Ordinal) && WebUtility.HtmlDecode(href) == link);
    }

    [Theory]
    [InlineData(1500, "BDT", "en", "BDT 1,500.00")]
    [InlineData(1500, "BDT", "bn", "৳১,৫০০.০০")]
    [InlineData(1234567.5, "BDT", "en", "BDT 1,234,567.50")]
    [InlineData(0.1, "bdt", "en", "BDT 0.10")]
    [InlineData(99.99, "USD", "bn", "USD ৯৯.৯৯")]
    public void amounts_are_formatted_without_a_culture(decimal amount, string currency, string language, string expected) =>
        MailFormats.Money(amount, currency, language).ShouldBe(expected);

    [Fact]
    public void dates_are_told_in_bangladesh_time_even_across_midnight()
    {
        var lateUtc = new DateTimeOffset(2026, 12, 31, 20, 30, 0, TimeSpan.Zero);

        MailFormats.DhakaTime(lateUtc, MailLanguage.English).ShouldBe("1 January 2027, 2:30 AM");
        MailFormats.DhakaTime(lateUtc, MailLanguage.Bangla).ShouldBe("১ জানুয়ারি ২০২৭, ০২:৩০");
    }

    [Fact]
    public void every_template_has_english_and_donor_facing_ones_have_bangla()
    {
        var available = Harness.Templates.Available.ToHashSet();
        string[] all =
        [
            MailTemplateNames.Welcome, MailTemplateNames.VerifyEmail, MailTemplateNames.PledgeReceived, MailTemplateNames.Receipt,
            MailTemplateNames.MoneyArrived, MailTemplateNames.GoalReachedOrganiser, MailTemplateNames.GoalReachedDonor,
            MailTemplateNames.FinalReport, MailTemplateNames.Refund, MailTemplateNames.GuestHistoryLink, MailTemplateNames.Message,
        ];
        string[] donorFacing =
        [
            MailTemplateNames.Welcome, MailTemplateNames.VerifyEmail, MailTemplateNames.PledgeReceived, MailTemplateNames.Receipt,
            MailTemplateNames.GoalReachedDonor, MailTemplateNames.Refund, MailTemplateNames.GuestHistoryLink,
        ];

        foreach (var name in all)
        {
            available.ShouldContain($"{name}.en");
        }

        foreach (var name in donorFacing)
        {
            available.ShouldContain($"{name}.bn");
        }
    }

    public static TheoryData<string, string, object> Samples => new()
    {
        { MailTemplateNames.Welcome, "bn", new VerificationModel("<i>Karim</i>", "https://x.test/verify-email#token=t", Completed) },
        { MailTemplateNames.VerifyEmail, "bn", new VerificationModel("<i>Karim</i>", "https://x.test/verify-email#token=t", null) },
        { MailTemplateNames.PledgeReceived, "bn", new PledgeReceivedModel("<i>Rahim</i>", 500m, "BDT", "<i>Title</i>", PledgeId) },
        { MailTemplateNames.Refund, "bn", new RefundModel("<i>Rahim</i>", 500m, "BDT", "<i>Title</i>", "T-1", PledgeId, Completed) },
        { MailTemplateNames.GoalReachedDonor, "bn", new GoalReachedDonorModel("<i>Rahim</i>", "<i>Title</i>", 10_000m, "BDT") },
        { MailTemplateNames.MoneyArrived, "en", new MoneyArrivedModel("<i>Karim</i>", "<i>Title</i>", 500m, "BDT", "<i>Rahim</i>", "T-1", Completed) },
        { MailTemplateNames.GoalReachedOrganiser, "en", new GoalReachedOrganiserModel("<i>Karim</i>", "<i>Title</i>", 10_000m, 10_500m, "BDT", 3, Completed) },
        { MailTemplateNames.FinalReport, "en", new FinalReportModel("<i>Karim</i>", "<i>Title</i>", false, 10_000m, 8_000m, "BDT", 3, 4, 80) },
        { MailTemplateNames.Message, "en", MessageModel.From("<i>Subject</i>", "<i>First</i>\n\nSecond") },
    };

    [Theory]
    [MemberData(nameof(Samples))]
    public void every_template_renders_its_model_and_escapes_people_text(string template, string lastLanguage, object model)
    {
        var languages = lastLanguage == "bn" ? MailLanguage.EnglishAndBangla : MailLanguage.EnglishOnly;

        var mail = Harness.Templates.Render(new MailDraft(template, languages, model));

        mail.Subject.ShouldNotBeNullOrWhiteSpace();
        mail.Subject.ShouldNotContain("\n");
        mail.Text.ShouldNotBeNullOrWhiteSpace();
        mail.Html.ShouldNotContain("<i>");
        mail.Html.ShouldContain("&lt;i&gt;");
        mail.Html.ShouldStartWith("<!DOCTYPE html>");
    }

    [Fact]
    public void the_final_report_tells_an_expired_campaign_from_a_completed_one()
    {
        var expired = Harness.Templates.Render(new MailDraft(MailTemplateNames.FinalReport, MailLanguage.EnglishOnly,
            new FinalReportModel("Karim", "Title", false, 10_000m, 8_000m, "BDT", 3, 4, 80)));
        var completed = Harness.Templates.Render(new MailDraft(MailTemplateNames.FinalReport, MailLanguage.EnglishOnly,
            new FinalReportModel("Karim", "Title", true, 10_000m, 12_000m, "BDT", 1_200, 1_534, 120)));

        expired.Text.ShouldContain("has ended without reaching its goal");
        expired.Text.ShouldContain("Raised: BDT 8,000.00");
        expired.Text.ShouldContain("Goal: BDT 10,000.00 (80% reached)");
        completed.Text.ShouldContain("is complete");
        completed.Text.ShouldContain("Donors: 1,200");
        completed.Text.ShouldContain("Donations: 1,534");
    }

    [Fact]
    public void a_model_missing_a_field_the_template_reads_fails_loudly_instead_of_mailing_a_blank() =>
        Should.Throw<Exception>(() => Harness.Templates.Render(
            new MailDraft(MailTemplateNames.Receipt, MailLanguage.EnglishOnly, new GuestHistoryLinkModel("https://x.test", Completed))));

    [Fact]
    public void only_the_layout_inserts_unescaped_html()
    {
        var assembly = typeof(MailTemplates).Assembly;
        var templates = assembly.GetManifestResourceNames().Where(n => n.EndsWith(".hbs", StringComparison.Ordinal)).ToList();
        templates.Count.ShouldBeGreaterThan(30);

        var unescaped = templates.Where(n => Read(assembly, n).Contains("{{{", StringComparison.Ordinal) || Read(assembly, n).Contains("{{&", StringComparison.Ordinal));

        unescaped.ShouldBe(["CareForAll.Notifications.Templates._layout.html.hbs"]);
    }

    [Fact]
    public void a_message_keeps_its_paragraphs_and_escapes_them()
    {
        var mail = Harness.Templates.Render(new MailDraft(MailTemplateNames.Message, MailLanguage.EnglishOnly,
            MessageModel.From("Hello\r\nthere", "First <a href=x>line</a>\nstill first\n\nSecond")));

        mail.Subject.ShouldBe("Hello there");
        mail.Html.ShouldNotContain("<a href=x>");
        WebUtility.HtmlDecode(mail.Html).ShouldContain("First <a href=x>line</a>\nstill first</p>");
        mail.Html.ShouldContain(">Second</p>");
        mail.Text.ShouldContain("First <a href=x>line</a>\nstill first\n\nSecond");
    }

    private static string Read(Assembly assembly, string name)
    {
        using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
        return reader.ReadToEnd();
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
