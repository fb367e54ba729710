using System.Globalization;
using HandlebarsDotNet;

namespace CareForAll.Notifications.Mail;

/// <summary>
/// Renders mail from the Handlebars templates embedded under <c>Templates/</c>: per language a subject, a plain
/// text body and an HTML body, the HTML bodies set into one shared layout. HTML templates escape every
/// <c>{{value}}</c>, so a donor's name or a campaign's title can never become markup; the only unescaped
/// insertion is the layout placing the already-rendered sections. Subjects and text bodies are not HTML and are
/// rendered without escaping. Each language has its own environment whose helpers format in that language:
/// <c>{{money Amount Currency}}</c>, <c>{{time At}}</c> (Bangladesh time) and <c>{{number Count}}</c>.
/// Compiled once; rendering is thread-safe.
/// </summary>
internal sealed class MailTemplates
{
    private const string ResourcePrefix = "CareForAll.Notifications.Templates.";
    private const string ResourceSuffix = ".hbs";
    private const string LayoutName = "_layout.html";
    private const string TextSeparator = "\n\n------------------------------------------------------------\n\n";

    private readonly Dictionary<string, HandlebarsTemplate<object, object>> _templates = new(StringComparer.Ordinal);
    private readonly HandlebarsTemplate<object, object> _layout;
    private readonly HandlebarsTemplate<object, object> _textFooter;

    public MailTemplates()
    {
        var environments = new Dictionary<(string Language, bool Html), IHandlebars>();
        foreach (var language in MailLanguage.EnglishAndBangla)
        {
            environments[(language, true)] = CreateEnvironment(language, html: true);
            environments[(language, false)] = CreateEnvironment(language, html: false);
        }

        var assembly = typeof(MailTemplates).Assembly;
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            if (!resource.StartsWith(ResourcePrefix, StringComparison.Ordinal) || !resource.EndsWith(ResourceSuffix, StringComparison.Ordinal))
            {
                continue;
            }

            var name = resource[ResourcePrefix.Length..^ResourceSuffix.Length];
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            var source = reader.ReadToEnd();
            var parts = name.Split('.');
            var (language, html) = parts.Length == 3
                ? (parts[1], parts[2] == "html")
                : (MailLanguage.English, name.EndsWith(".html", StringComparison.Ordinal));
            if (!environments.TryGetValue((language, html), out var environment))
            {
                throw new InvalidOperationException($"Template '{name}' is in language '{language}', which mail is not written in.");
            }

            // Subjects are one line: a trailing newline in the file must not reach the header.
            _templates[name] = environment.Compile(parts.Length == 3 && parts[2] == "subject" ? source.Trim() : source);
        }

        _layout = _templates.GetValueOrDefault(LayoutName) ?? throw new InvalidOperationException("Templates/_layout.html.hbs is missing.");
        _textFooter = _templates.GetValueOrDefault("_footer.txt") ?? throw new InvalidOperationException("Templates/_footer.txt.hbs is missing.");
    }

    /// <summary>The names of every template and language pair present ("receipt.bn"), for checks.</summary>
    public IEnumerable<string> Available =>
        _templates.Keys.Where(k => k.Count(c => c == '.') == 2).Select(k => k[..k.LastIndexOf('.')]).Distinct(StringComparer.Ordinal);

    /// <summary>Renders <paramref name="draft"/> in each of its languages, in order.</summary>
    public RenderedMail Render(MailDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (draft.Languages.Count == 0)
        {
            throw new ArgumentException("A mail needs at least one language.", nameof(draft));
        }

        var subjects = new List<string>(draft.Languages.Count);
        var texts = new List<string>(draft.Languages.Count);
        var sections = new List<LayoutSection>(draft.Languages.Count);
        foreach (var language in draft.Languages)
        {
            subjects.Add(OneLine(Find(draft.Template, language, "subject")(draft.Model)));
            texts.Add(Find(draft.Template, language, "txt")(draft.Model).Trim());
            sections.Add(new LayoutSection(language, Find(draft.Template, language, "html")(draft.Model)));
        }

        var subject = string.Join(" | ", subjects);
        var bilingual = draft.Languages.Count > 1;
        var text = (bilingual ? "বাংলা সংস্করণ নিচে দেওয়া হলো।\n\n" : "") + string.Join(TextSeparator, texts) + "\n\n" + _textFooter(new { }).Trim() + "\n";
        var html = _layout(new LayoutModel(draft.Languages[0], subject, bilingual, sections));
        return new RenderedMail(subject, text, html, string.Join(',', draft.Languages));
    }

    private HandlebarsTemplate<object, object> Find(string template, string language, string kind) =>
        _templates.TryGetValue($"{template}.{language}.{kind}", out var compiled)
            ? compiled
            : throw new InvalidOperationException($"Template Templates/{template}.{language}.{kind}.hbs is missing.");

    /// <summary>A header is one line: line breaks (which would start a new header) become spaces.</summary>
    private static string OneLine(string text) =>
        string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private static IHandlebars CreateEnvironment(string language, bool html)
    {
        var configuration = new HandlebarsConfiguration
        {
            FormatProvider = CultureInfo.InvariantCulture,
            // A template naming a field its model lacks fails loudly rather than leaving a blank in a donor's mail.
            ThrowOnUnresolvedBindingExpression = true,
            NoEscape = !html,
        };
        var environment = Handlebars.Create(configuration);
        environment.RegisterHelper("money", (HandlebarsReturnHelper)((_, arguments) =>
            MailFormats.Money(Convert.ToDecimal(arguments[0], CultureInfo.InvariantCulture), arguments[1] as string ?? "BDT", language)));
        environment.RegisterHelper("time", (HandlebarsReturnHelper)((_, arguments) => arguments[0] switch
        {
            DateTimeOffset at => MailFormats.DhakaTime(at, language),
            DateTime at => MailFormats.DhakaTime(new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)), language),
            _ => "",
        }));
        environment.RegisterHelper("number", (HandlebarsReturnHelper)((_, arguments) =>
            MailFormats.Number(Convert.ToInt64(arguments[0], CultureInfo.InvariantCulture), language)));
        return environment;
    }

    /// <summary>What the layout reads: the subject for the title and each language's rendered HTML.</summary>
    private sealed record LayoutModel(string Lang, string Subject, bool Bilingual, IReadOnlyList<LayoutSection> Sections);

    private sealed record LayoutSection(string Lang, string Html);
}
