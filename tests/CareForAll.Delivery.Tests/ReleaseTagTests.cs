namespace CareForAll.Delivery.Tests;

/// <summary>eng/release-tag.sh: how the release workflow reads a pushed tag, and which tags it refuses.</summary>
public sealed class ReleaseTagTests
{
    [Theory]
    [InlineData("payments-v1.2.3", "payments", "1.2.3", "src/Payments/CareForAll.Payments.csproj")]
    [InlineData("gateway-v2.0.0-rc.1", "gateway", "2.0.0-rc.1", "src/Gateway/CareForAll.Gateway.csproj")]
    [InlineData("refs/tags/identity-v0.1.0", "identity", "0.1.0", "src/Identity/CareForAll.Identity.csproj")]
    public void a_released_service_and_a_semantic_version_read_as_service_version_and_project(
        string tag, string service, string version, string project)
    {
        var result = Repository.Run("eng/release-tag.sh", [tag]);

        result.ExitCode.ShouldBe(0, result.Error);
        result.Values["service"].ShouldBe(service);
        result.Values["version"].ShouldBe(version);
        result.Values["project"].ShouldBe(project);
    }

    [Theory]
    [InlineData("sslcommerz-v1.0.0", "not released")]
    [InlineData("unknown-v1.0.0", "no service named 'unknown'")]
    [InlineData("payments-v1.2", "not a semantic version")]
    [InlineData("payments-v01.2.3", "not a semantic version")]
    [InlineData("payments-v1.2.3-rc.01", "not a semantic version")]
    [InlineData("payments-v1.2.3+build.5", "build metadata")]
    [InlineData("payments-1.2.3", "not <service>-v<version>")]
    public void anything_else_is_refused_with_the_reason(string tag, string reason)
    {
        var result = Repository.Run("eng/release-tag.sh", [tag]);

        result.ExitCode.ShouldBe(1);
        result.Output.ShouldBeEmpty();
        result.Error.ShouldContain(reason);
    }
}
