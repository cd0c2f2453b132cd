namespace MlCareer.Web.Data;

/// <summary>The <c>Database</c> settings cannot work; the message names the setting.</summary>
public sealed class DatabaseConfigurationException(string message) : Exception(message);
