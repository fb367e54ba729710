namespace CareForAll.Delivery.Tests;

/// <summary>
/// eng/release.sh in a scratch repository of its own (the release scripts, eng/services.tsv and a main branch of two
/// commits, no remote): which tags it creates and what it refuses.
/// </summary>
public sealed class ReleaseScriptTests : IDisposable
{
    private readonly string _repo = Directory.CreateTempSubdirectory("careforall-release-").FullName;

    public ReleaseScriptTests()
    {
        Directory.CreateDirectory(Path.Combine(_repo, "eng"));
        foreach (var file in new[] { "eng/release.sh", "eng/release-tag.sh", "eng/services.tsv" })
        {
            File.Copy(Repository.PathOf(file), Path.Combine(_repo, file));
        }

        Git("init", "--quiet", "--initial-branch=main");
        // Whoever runs the tests (a CI runner has no identity; a developer may sign every tag), release.sh tags here.
        Git("config", "user.name", "Test");
        Git("config", "user.email", "test@example.com");
        Git("config", "tag.gpgSign", "false");
        Git("config", "commit.gpgSign", "false");
        Git("add", ".");
        Commit("first");
        Commit("second");
    }

    public void Dispose() => Directory.Delete(_repo, recursive: true);

    [Fact]
    public void it_tags_main_with_an_annotated_service_tag()
    {
        var result = Release("payments", "1.0.0", "--skip-ci-check");

        result.ExitCode.ShouldBe(0, result.Error);
        Git("cat-file", "-t", "payments-v1.0.0").ShouldBe("tag");
        Git("rev-parse", "payments-v1.0.0^{commit}").ShouldBe(Git("rev-parse", "main"));
        result.Output.ShouldContain("ghcr.io/<owner>/careforall-payments:1.0.0");
    }

    [Fact]
    public void it_tags_an_earlier_commit_of_main_when_asked()
    {
        Release("identity", "0.1.0", "--commit", "main~1", "--skip-ci-check").ExitCode.ShouldBe(0);

        Git("rev-parse", "identity-v0.1.0^{commit}").ShouldBe(Git("rev-parse", "main~1"));
    }

    [Theory]
    [InlineData("1.0.0")]
    [InlineData("0.9.9")]
    [InlineData("1.0.0-rc.1")]
    public void a_version_not_above_the_latest_release_is_refused(string version)
    {
        Release("payments", "1.0.0", "--skip-ci-check").ExitCode.ShouldBe(0);

        var result = Release("payments", version, "--skip-ci-check");

        result.ExitCode.ShouldBe(1);
        Git("tag", "-l").ShouldBe("payments-v1.0.0");
    }

    [Fact]
    public void versions_compare_by_semantic_versioning_not_as_text()
    {
        Release("payments", "1.0.0-rc.9", "--skip-ci-check").ExitCode.ShouldBe(0);
        Release("payments", "1.0.0-rc.10", "--skip-ci-check").ExitCode.ShouldBe(0);
        Release("payments", "1.0.0", "--skip-ci-check").ExitCode.ShouldBe(0);
        Release("payments", "1.0.0-rc.11", "--skip-ci-check").ExitCode.ShouldBe(1);
        Release("payments", "1.10.0", "--skip-ci-check").ExitCode.ShouldBe(0);
        Release("payments", "1.9.0", "--skip-ci-check").ExitCode.ShouldBe(1);
    }

    [Theory]
    [InlineData("sslcommerz", "1.0.0")]
    [InlineData("unknown", "1.0.0")]
    [InlineData("payments", "1.2")]
    [InlineData("payments", "v1.2.0")]
    public void a_service_that_is_not_released_or_a_version_that_is_not_semantic_is_refused(string service, string version)
    {
        var result = Release(service, version, "--skip-ci-check");

        result.ExitCode.ShouldBe(1);
        Git("tag", "-l").ShouldBeEmpty();
    }

    [Fact]
    public void a_commit_that_is_not_on_main_is_refused()
    {
        Git("checkout", "--quiet", "-b", "feature");
        Commit("not on main");

        var result = Release("payments", "1.0.0", "--commit", "feature", "--skip-ci-check");

        result.ExitCode.ShouldBe(1);
        result.Error.ShouldContain("not on main");
        Git("tag", "-l").ShouldBeEmpty();
    }

    [Fact]
    public void without_the_ci_check_it_refuses_unless_told_to_skip_it()
    {
        // No GitHub remote here, so gh (where installed) cannot answer either.
        var result = Release("payments", "1.0.0");

        result.ExitCode.ShouldBe(1);
        Git("tag", "-l").ShouldBeEmpty();
    }

    [Fact]
    public void push_without_an_origin_is_refused_before_anything_is_tagged()
    {
        var result = Release("payments", "1.0.0", "--push", "--skip-ci-check");

        result.ExitCode.ShouldBe(1);
        result.Error.ShouldContain("origin");
        Git("tag", "-l").ShouldBeEmpty();
    }

    private ScriptResult Release(params string[] arguments) =>
        Repository.RunIn(_repo, "bash", ["eng/release.sh", .. arguments]);

    private void Commit(string message) => Git("commit", "--quiet", "--allow-empty", "-m", message);

    private string Git(params string[] arguments)
    {
        var result = Repository.RunIn(_repo, "git", arguments);
        result.ExitCode.ShouldBe(0, $"git {string.Join(' ', arguments)}: {result.Error}");
        return result.Output.Trim();
    }
}
