namespace MlCareer.Content.Model;

public enum ResourceCost { Free, Paid }
