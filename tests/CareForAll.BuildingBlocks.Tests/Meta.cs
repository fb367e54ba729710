global using Shouldly;
global using CareForAll.Testing;
global using Xunit;

[assembly: CollectionBehavior(MaxParallelThreads = 2)]
