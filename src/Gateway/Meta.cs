using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("CareForAll.Gateway.Tests")]
