using Microsoft.Extensions.Options;

namespace CareForAll.Admin.Configuration;

/// <summary>Fails options validation with the options' own description of what is wrong.</summary>
internal sealed class OptionsProblemValidator<TOptions>(Func<TOptions, string?> problem) : IValidateOptions<TOptions>
    where TOptions : class
{
    public ValidateOptionsResult Validate(string? name, TOptions options) =>
        problem(options) is { } message ? ValidateOptionsResult.Fail(message) : ValidateOptionsResult.Success;
}
