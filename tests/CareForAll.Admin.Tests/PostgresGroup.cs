namespace CareForAll.Admin.Tests;

/// <summary>One PostgreSQL cluster for every database test class (starting one costs a second or two).</summary>
[CollectionDefinition(Name)]
public sealed class PostgresGroup : ICollectionFixture<PostgresServer>
{
    public const string Name = "postgres";
}
