namespace MlCareer.Web.Components.Common;

public enum LevelBadgeVariant { Full, NameOnly, NumberOnly }
