namespace CareForAll.IntegrationTests;

/// <summary>Every integration test shares one running platform: each start costs seconds on two cores.</summary>
[CollectionDefinition(Name)]
public sealed class SharedPlatform : ICollectionFixture<PlatformFixture>
{
    public const string Name = "platform";
}
