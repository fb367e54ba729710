global using Shouldly;
global using Xunit;

[assembly: CollectionBehavior(MaxParallelThreads = 2)]
