using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Tarantool.Agents.Server.Runs.Sqlite;

namespace Tarantool.Agents.Server.Runs;

/// <summary>Wires the runs service: options, store, executor and <see cref="IRunService"/>.</summary>
public static class RunsHostingExtensions
{
    /// <summary>
    /// Registers <see cref="IRunService"/> and the background executor. The store is SQLite in the data dir unless an
    /// <see cref="IRunStore"/> was registered before (e.g. PostgreSQL from <c>Server:Store</c>).
    /// </summary>
    public static WebApplicationBuilder AddRuns(this WebApplicationBuilder builder, RunHosting hosting)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(hosting);
        builder.Services.AddOptions<RunsOptions>()
            .Bind(hosting.Settings.GetSection(RunsOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton(hosting);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<IRunStore>(_ => new SqliteRunStore(hosting.DataDirectory));
        builder.Services.AddSingleton<RunEventHub>();
        builder.Services.AddSingleton<IRunService, RunService>();
        builder.Services.AddSingleton<RunExecutor>();
        builder.Services.AddHostedService(services => services.GetRequiredService<RunExecutor>());
        // After the executor: hosted services start in order, and the executor's start creates the store's schema.
        builder.Services.AddSingleton<RunRetention>();
        builder.Services.AddHostedService(services => services.GetRequiredService<RunRetention>());
        return builder;
    }
}
