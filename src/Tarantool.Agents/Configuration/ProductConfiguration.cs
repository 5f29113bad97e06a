using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;
using Tarantool.Agents.Models;

namespace Tarantool.Agents.Configuration;

/// <summary>
/// Reads settings from <c>appsettings.json</c> (in the asset root), then environment variables prefixed
/// <c>TARANTOOL_AGENTS_</c> (<c>TARANTOOL_AGENTS_Model__Provider=openai</c>), then command-line overrides, and validates
/// them once, reporting every problem together.
/// </summary>
public static class ProductConfiguration
{
    public const string EnvironmentPrefix = "TARANTOOL_AGENTS_";

    public static IConfiguration Build(string assetRoot, IReadOnlyDictionary<string, string?>? overrides = null) =>
        new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(assetRoot, "appsettings.json"), optional: true, reloadOnChange: false)
            .AddEnvironmentVariables(EnvironmentPrefix)
            .AddInMemoryCollection(overrides?.Where(o => o.Value is not null) ?? [])
            .Build();

    /// <summary>Binds and validates the model options; throws <see cref="OptionsValidationException"/> listing every error.</summary>
    public static ModelOptions ModelOptions(IConfiguration configuration)
    {
        var options = new ModelOptions();
        configuration.GetSection(Models.ModelOptions.SectionName).Bind(options);
        options.ApiKey ??= FirstSet("TARANTOOL_AGENTS_API_KEY", options.Provider == ModelProviders.AzureOpenAI ? "AZURE_OPENAI_API_KEY" : "OPENAI_API_KEY");
        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true))
            throw new OptionsValidationException([.. results.Select(r => r.ErrorMessage ?? "invalid setting").Distinct()]);
        return options;
    }

    private static string? FirstSet(params string[] names) =>
        names.Select(Environment.GetEnvironmentVariable).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));
}
