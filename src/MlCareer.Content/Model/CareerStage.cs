namespace MlCareer.Content.Model;

public sealed record CareerStage(string Id, string Title, int Order, string Summary, RoleStage? RoleStage, string Html);
