namespace MlCareer.Web.Data;

/// <summary>The database engines the app can keep its data in (<c>Database:Provider</c>).</summary>
public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}
