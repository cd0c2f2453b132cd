namespace MlCareer.Content.Loading;

/// <summary>The title, order and summary every content file starts with.</summary>
internal sealed record ContentHeader(string Title, int Order, string Summary)
{
    /// <summary>
    /// Reads the three fields (order only when <paramref name="withOrder"/>; it is then 0), reporting each missing or bad one.
    /// Returns null when any of them is unusable; all are read either way, so none is reported as unknown.
    /// </summary>
    public static ContentHeader? Read(FieldReader fields, int titleMaxLength, int summaryMaxLength, bool withOrder = true)
    {
        var title = fields.String("title", maxLength: titleMaxLength);
        var order = withOrder ? fields.Int("order", 1, 1000) : 0;
        var summary = fields.String("summary", maxLength: summaryMaxLength);
        return title is null || order is null || summary is null ? null : new ContentHeader(title, order.Value, summary);
    }
}
