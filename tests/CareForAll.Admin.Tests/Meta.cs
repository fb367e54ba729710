global using CareForAll.Testing;
global using Shouldly;
global using Xunit;

// Two cores: the SQL tests share one PostgreSQL collection; unit tests run beside it.
[assembly: CollectionBehavior(MaxParallelThreads = 2)]
