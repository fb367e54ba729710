namespace CareForAll.ServiceDefaults.Tests.Support;

[CollectionDefinition(Name)]
public sealed class EndpointsAppGroup : ICollectionFixture<EndpointsApp>
{
    public const string Name = "endpoints app";
}
