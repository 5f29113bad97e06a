using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Tarantool.Agents.Server.Runs.Postgres;

/// <summary>Chooses the run store from <c>Server:Store</c>; call before <see cref="RunsHostingExtensions.AddRuns"/>.</summary>
public static class RunStoreExtensions
{
    /// <summary>
    /// Validates <c>Server:Store</c>/<c>Server:ConnectionString</c> at start-up and, for <c>postgresql</c>, registers
    /// the PostgreSQL store (AddRuns then keeps it instead of SQLite).
    /// </summary>
    public static WebApplicationBuilder AddConfiguredRunStore(this WebApplicationBuilder builder, IConfiguration settings)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var section = settings.GetSection(RunsOptions.SectionName);
        builder.Services.AddOptions<RunStoreOptions>().Bind(section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<RunStoreOptions>, RunStoreOptionsValidator>();
        var chosen = new RunStoreOptions();
        section.Bind(chosen);
        if (chosen.UsesPostgreSql)
            builder.Services.AddSingleton<IRunStore>(services => new PostgresRunStore(services.GetRequiredService<IOptions<RunStoreOptions>>().Value.ConnectionString!));
        return builder;
    }
}
