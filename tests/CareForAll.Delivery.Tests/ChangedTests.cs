namespace CareForAll.Delivery.Tests;

/// <summary>eng/changed.sh: which services a pull request's changed files touch, and so what CI tests.</summary>
public sealed class ChangedTests
{
    private static readonly string EveryService = string.Join(' ', Repository.Services.Select(s => s.Name));

    private static IReadOnlyDictionary<string, string> Changed(params string[] paths)
    {
        var result = Repository.Run("eng/changed.sh", ["--stdin"], string.Join('\n', paths) + "\n");
        result.ExitCode.ShouldBe(0, result.Error);
        result.Values.Keys.ShouldBe(["services", "all", "integration", "web"], ignoreOrder: true, result.Output);
        return result.Values;
    }

    [Fact]
    public void a_file_of_a_service_touches_that_service_alone_and_calls_for_the_integration_tests()
    {
        var changed = Changed("src/Payments/Refunds/RefundEndpoint.cs");

        changed["services"].ShouldBe("payments");
        changed["integration"].ShouldBe("true");
        changed["all"].ShouldBe("false");
        changed["web"].ShouldBe("false");
    }

    [Fact]
    public void a_file_of_a_services_tests_touches_that_service()
    {
        var changed = Changed("tests/CareForAll.Identity.Tests/AccessTokenTests.cs");

        changed["services"].ShouldBe("identity");
        changed["integration"].ShouldBe("true");
        changed["all"].ShouldBe("false");
    }

    [Fact]
    public void files_of_two_services_touch_both_in_the_order_of_services_tsv()
    {
        Changed("src/Query/Program.cs", "tests/CareForAll.Campaigns.Tests/SearchTests.cs")["services"]
            .ShouldBe("campaigns query");
    }

    [Theory]
    [InlineData("src/BuildingBlocks/Messaging/Outbox.cs")]
    [InlineData("Directory.Packages.props")]
    [InlineData("Directory.Build.props")]
    [InlineData("CareForAll.ServiceDefaults/Extensions.cs")]
    [InlineData("CareForAll.AppHost/Program.cs")]
    [InlineData("tests/CareForAll.Testing/PostgresServer.cs")]
    [InlineData("tests/CareForAll.IntegrationTests/Api.cs")]
    [InlineData("tests/CareForAll.BuildingBlocks.Tests/OutboxTests.cs")]
    [InlineData("global.json")]
    [InlineData("CareForAll.sln")]
    [InlineData("eng/services.tsv")]
    [InlineData("eng/test.sh")]
    [InlineData("eng/prerequisites.sh")]
    [InlineData(".ci/run")]
    public void a_shared_file_touches_every_service(string path)
    {
        var changed = Changed(path);

        changed["all"].ShouldBe("true");
        changed["services"].ShouldBe(EveryService);
        changed["integration"].ShouldBe("true");
    }

    [Fact]
    public void the_web_app_alone_calls_for_the_web_checks_but_not_the_integration_suite()
    {
        var changed = Changed("src/web/src/pages/CampaignPage.tsx", "src/web/package.json");

        changed["web"].ShouldBe("true");
        changed["integration"].ShouldBe("false");
        changed["services"].ShouldBeEmpty();
        changed["all"].ShouldBe("false");
    }

    [Theory]
    [InlineData("docs/data-model.md", "README.md")]
    [InlineData("bench/donation_latency.py")]
    [InlineData("eng/bench.sh", ".github/workflows/ci.yml")]
    public void documentation_benchmarks_and_other_scripts_call_for_no_tests(params string[] paths)
    {
        var changed = Changed(paths);

        changed["services"].ShouldBeEmpty();
        changed["all"].ShouldBe("false");
        changed["web"].ShouldBe("false");
        changed["integration"].ShouldBe("false");
    }

    [Fact]
    public void a_folder_that_only_starts_like_a_service_is_not_that_service()
    {
        Changed("src/PaymentsArchive/Notes.cs")["services"].ShouldBeEmpty();
    }

    [Fact]
    public void every_test_project_is_run_by_the_selection_of_some_change()
    {
        // A test project that no service claims and that is not shared would never run on a pull request. The
        // delivery tests are the exception: eng/test.sh --changed-since runs them every time.
        var folders = Directory.GetDirectories(Repository.PathOf("tests"))
            .Where(dir => Directory.GetFiles(dir, "*.csproj").Length > 0)
            .Select(dir => "tests/" + Path.GetFileName(dir))
            .Where(folder => folder != "tests/CareForAll.Delivery.Tests");

        foreach (var folder in folders)
        {
            Changed($"{folder}/Some.cs")["services"].ShouldNotBeEmpty($"{folder} belongs to no service and is not shared");
        }
    }

    [Fact]
    public void every_project_under_src_is_a_service_shared_or_the_web_app()
    {
        foreach (var folder in Directory.GetDirectories(Repository.PathOf("src")).Select(dir => "src/" + Path.GetFileName(dir)))
        {
            var changed = Changed($"{folder}/Some.cs");
            (changed["services"].Length > 0 || changed["web"] == "true")
                .ShouldBeTrue($"a change in {folder} would test nothing");
        }
    }

    [Fact]
    public void without_a_mode_it_explains_itself_and_fails()
    {
        var result = Repository.Run("eng/changed.sh", []);

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain("--base");
    }
}
