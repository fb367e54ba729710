global using CareForAll.Testing;
global using Shouldly;
global using Xunit;
