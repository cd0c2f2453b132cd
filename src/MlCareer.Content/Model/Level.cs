namespace MlCareer.Content.Model;

/// <summary>Self-assessment levels, shared by learner progress and role expectations.</summary>
public enum Level
{
    NotStarted = 0,
    Learning = 1,
    Practising = 2,
    Proficient = 3,
    Expert = 4,
}
