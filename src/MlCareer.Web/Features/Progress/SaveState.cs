namespace MlCareer.Web.Features.Progress;

public enum SaveState { Idle, Pending, Saving, Saved, Failed }
