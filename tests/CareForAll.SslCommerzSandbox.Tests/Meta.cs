global using System.Globalization;
global using System.Net;
global using System.Text.Json;
global using CareForAll.Testing;
global using Shouldly;
global using Xunit;
