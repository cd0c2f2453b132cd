using Microsoft.Data.Sqlite;

namespace MlCareer.Tests.Common;

/// <summary>Fresh temporary folders for a test app's SQLite file, deleted afterwards with SQLite's pooled connections.</summary>
public static class TempDatabase
{
    /// <summary>A new, unique folder path (not yet created) under the temp directory.</summary>
    public static string NewFolder(string prefix) => Path.Combine(Path.GetTempPath(), prefix + Guid.NewGuid().ToString("N"));

    /// <summary>The database file the app uses inside <paramref name="folder"/>.</summary>
    public static string FileIn(string folder) => Path.Combine(folder, "app.db");

    public static void Delete(string folder)
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // Leftover temp files are harmless.
        }
    }
}
