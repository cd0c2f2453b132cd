namespace MlCareer.Content.Model;

/// <summary>The stages a role's expectations are written for.</summary>
public enum RoleStage { Junior, Mid, Senior }
