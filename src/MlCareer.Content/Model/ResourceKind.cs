namespace MlCareer.Content.Model;

public enum ResourceKind { Course, Book, Docs, Video, Article, Tool }
