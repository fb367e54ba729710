using System.Text.Json.Nodes;
using CareForAll.Testing;

namespace CareForAll.Delivery.Tests;

/// <summary>
/// eng/publish-image.sh, as far as it runs without a registry: the image the release workflow would build and push
/// (repository, tags, version label) as MSBuild computes it, and the builds it refuses to push.
/// </summary>
public sealed class PublishImageTests
{
    private static readonly TimeSpan MSBuild = TimeSpan.FromMinutes(2);

    [Fact]
    public void a_release_is_one_image_in_the_owners_repository_tagged_with_its_version_and_its_commit()
    {
        var version = Stamped("src/Identity/CareForAll.Identity.csproj");
        var commit = RepositoryCheckout.Run("git", ["rev-parse", "--short=7", "HEAD"]).Output.Trim();

        var result = PublishImage(["identity", version, "--owner", "CareForAll-Org", "--dry-run"]);

        result.ExitCode.ShouldBe(0, result.Error + result.Output);
        var image = JsonNode.Parse(result.Output)!;
        image["Properties"]!["ContainerRegistry"]!.GetValue<string>().ShouldBe("ghcr.io");
        image["Properties"]!["ContainerRepository"]!.GetValue<string>().ShouldBe("careforall-org/careforall-identity");
        image["Items"]!["ContainerImageTags"]!.AsArray().Select(t => t!["Identity"]!.GetValue<string>())
            .ShouldBe([version, $"sha-{commit}"]);
        image["Items"]!["ContainerLabel"]!.AsArray()
            .Single(l => l!["Identity"]!.GetValue<string>() == "org.opencontainers.image.version")!["Value"]!.GetValue<string>()
            .ShouldBe(version);
    }

    [Fact]
    public void a_version_the_build_would_not_carry_is_refused_before_anything_is_built()
    {
        var result = PublishImage(["identity", "99.0.0", "--owner", "careforall", "--dry-run"]);

        result.ExitCode.ShouldBe(1);
        result.Error.ShouldContain("builds as");
        result.Error.ShouldContain("not 99.0.0");
    }

    [Theory]
    [InlineData("sslcommerz", "1.0.0", "not released")]
    [InlineData("payments", "1.2", "not a semantic version")]
    public void what_a_tag_could_not_release_is_refused_too(string service, string version, string reason)
    {
        var result = PublishImage([service, version, "--owner", "careforall", "--dry-run"]);

        result.ExitCode.ShouldBe(1);
        result.Error.ShouldContain(reason);
    }

    private static ProgramResult PublishImage(string[] arguments) =>
        RepositoryCheckout.Run("bash", ["eng/publish-image.sh", .. arguments], timeout: MSBuild);

    /// <summary>The version MinVer gives the project at this commit, as the release's build would stamp it.</summary>
    private static string Stamped(string project)
    {
        var result = RepositoryCheckout.Run("dotnet", ["msbuild", project, "-nologo", "-t:MinVer", "-getProperty:MinVerVersion"], timeout: MSBuild);
        result.ExitCode.ShouldBe(0, result.Error + result.Output);
        return result.Output.Trim();
    }
}
