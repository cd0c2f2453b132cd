namespace MlCareer.Web.Data;

/// <summary>The <c>Database</c> settings.</summary>
public sealed class DatabaseOptions
{
    /// <summary>Which database the app keeps its data in (<c>Database:Provider</c>).</summary>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>The SQLite file; relative paths are taken from the app's content root.</summary>
    public string Path { get; set; } = "data/mlcareer.db";

    /// <summary>The PostgreSQL connection string (<c>Host=…;Database=…;Username=…</c>); required when the provider is Postgres.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// Reads the <c>Database</c> section, refusing an unknown provider or a Postgres one without a connection string with a
    /// message that names the setting to fix.
    /// </summary>
    public static DatabaseOptions From(IConfiguration configuration)
    {
        var section = configuration.GetSection("Database");
        var provider = section["Provider"];
        if (!string.IsNullOrWhiteSpace(provider) && !Enum.TryParse<DatabaseProvider>(provider, ignoreCase: true, out _))
        {
            throw new DatabaseConfigurationException(
                $"Database:Provider is '{provider}'; it must be '{DatabaseProvider.Sqlite}' or '{DatabaseProvider.Postgres}'.");
        }

        var options = section.Get<DatabaseOptions>() ?? new DatabaseOptions();
        if (options.Provider == DatabaseProvider.Postgres && string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            throw new DatabaseConfigurationException(
                "Database:ConnectionString is required when Database:Provider is Postgres (for example Host=db;Database=mlcareer;Username=mlcareer;Password=…).");
        }

        return options;
    }
}
