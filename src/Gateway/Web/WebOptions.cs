namespace CareForAll.Gateway.Web;

/// <summary>Web app settings from the <c>Web</c> configuration section.</summary>
internal sealed class WebOptions
{
    public const string SectionName = "Web";
    public const string DefaultRoot = "wwwroot";

    /// <summary>
    /// The folder holding the web app's production build (its <c>index.html</c> and <c>assets/</c>), absolute
    /// or relative to the content root. Without a usable folder the gateway answers the API only.
    /// </summary>
    public string Root { get; set; } = DefaultRoot;
}
