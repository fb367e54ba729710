global using System.Globalization;
global using CareForAll.ServiceDefaults.Api;
global using Microsoft.Extensions.Options;

using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("CareForAll.SslCommerzSandbox.Tests")]
