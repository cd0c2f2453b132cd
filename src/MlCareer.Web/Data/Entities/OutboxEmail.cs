namespace MlCareer.Web.Data.Entities;

/// <summary>An e-mail the app would have sent. No mail server is assumed, so operators read them here and in the log.</summary>
public sealed class OutboxEmail
{
    public long Id { get; set; }

    public string To { get; set; } = "";

    public string Subject { get; set; } = "";

    public string Body { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }
}
