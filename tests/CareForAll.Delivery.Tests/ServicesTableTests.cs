using System.Xml.Linq;

namespace CareForAll.Delivery.Tests;

/// <summary>eng/services.tsv, which CI's selection and the releases read, against the projects it names.</summary>
public sealed class ServicesTableTests
{
    [Fact]
    public void every_service_names_a_project_and_a_tests_project_that_exist()
    {
        Repository.Services.ShouldNotBeEmpty();
        foreach (var service in Repository.Services)
        {
            File.Exists(Repository.PathOf(service.Project)).ShouldBeTrue($"{service.Name}: {service.Project}");
            var testsProject = $"{service.TestsFolder}/{Path.GetFileName(service.TestsFolder)}.csproj";
            File.Exists(Repository.PathOf(testsProject)).ShouldBeTrue($"{service.Name}: {testsProject}");
        }
    }

    [Fact]
    public void every_released_service_versions_itself_from_its_own_tags()
    {
        // MinVer reads the version from the service's tags (payments-v1.2.3) only when its project sets the prefix;
        // without it every service would take its version from any service's tag.
        var missing = Repository.Services.Where(s => s.Released)
            .Where(service => XDocument.Load(Repository.PathOf(service.Project)).Descendants("MinVerTagPrefix")
                .Select(e => e.Value.Trim()).FirstOrDefault() != $"{service.Name}-v")
            .Select(service => $"{service.Project} lacks <MinVerTagPrefix>{service.Name}-v</MinVerTagPrefix>");

        missing.ShouldBeEmpty();
    }
}
