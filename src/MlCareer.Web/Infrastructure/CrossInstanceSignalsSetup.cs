using MlCareer.Web.Data;

namespace MlCareer.Web.Infrastructure;

/// <summary>
/// How notifiers reach other instances: on PostgreSQL, which several instances can share, through <see cref="PostgresSignals"/>
/// (LISTEN/NOTIFY); on SQLite, one process, not at all (<see cref="SingleInstanceSignals"/>).
/// </summary>
public static class CrossInstanceSignalsSetup
{
    public static void AddCrossInstanceSignals(this IHostApplicationBuilder builder)
    {
        var database = DatabaseOptions.From(builder.Configuration);
        if (database.Provider == DatabaseProvider.Postgres)
        {
            builder.Services.AddSingleton(sp => new PostgresSignals(database.ConnectionString!, sp.GetRequiredService<ILogger<PostgresSignals>>()));
            builder.Services.AddSingleton<ICrossInstanceSignals>(sp => sp.GetRequiredService<PostgresSignals>());
            builder.Services.AddHostedService(sp => sp.GetRequiredService<PostgresSignals>());
        }
        else
        {
            builder.Services.AddSingleton<ICrossInstanceSignals, SingleInstanceSignals>();
        }
    }
}
