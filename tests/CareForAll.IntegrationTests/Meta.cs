global using CareForAll.Testing;
global using Shouldly;
global using Xunit;

// One platform for the whole run; its tests run one after another against it.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
