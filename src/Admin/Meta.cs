global using System.Security.Claims;
global using Dapper;
global using FastEndpoints;
global using FluentValidation;
global using Npgsql;

using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("CareForAll.Admin.Tests")]
