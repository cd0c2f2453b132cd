using MlCareer.Web.Data;
using MlCareer.Web.Infrastructure;

namespace MlCareer.Web.Features.Progress;

/// <summary>What makes a list of evidence links acceptable; shared by saving, the evidence editor and the import check.</summary>
public static class EvidenceRules
{
    /// <summary>The first problem of a whole evidence list, naming the item (field "evidence[2]"), or null when it is fine.</summary>
    public static Problem? Validate(IReadOnlyList<EvidenceItem> evidence)
    {
        if (evidence.Count > FieldLimits.EvidenceLinks)
        {
            return new Problem(ProblemKind.TooMany, "evidence", evidence.Count, FieldLimits.EvidenceLinks);
        }

        for (var i = 0; i < evidence.Count; i++)
        {
            if (ValidateItem(evidence[i]) is { } problem)
            {
                return problem with { Field = $"evidence[{i + 1}]", Position = i + 1 };
            }
        }

        return null;
    }

    /// <summary>The link as it is checked and stored: label and address without U+0000 (see <see cref="UserText.WithoutNul"/>).</summary>
    public static EvidenceItem Cleaned(EvidenceItem item) => new(UserText.WithoutNul(item.Label ?? ""), UserText.WithoutNul(item.Url ?? ""));

    /// <summary>The problem with one evidence link, or null when it is fine.</summary>
    public static Problem? ValidateItem(EvidenceItem item)
    {
        if (string.IsNullOrWhiteSpace(item.Label))
        {
            return new Problem(ProblemKind.EvidenceLabelMissing, "label");
        }

        if (item.Label.Trim().Length > FieldLimits.EvidenceLabel)
        {
            return new Problem(ProblemKind.EvidenceLabelTooLong, "label", item.Label.Trim().Length, FieldLimits.EvidenceLabel);
        }

        var url = item.Url?.Trim() ?? "";
        if (url.Length > FieldLimits.EvidenceUrl)
        {
            return new Problem(ProblemKind.EvidenceUrlTooLong, "url", url.Length, FieldLimits.EvidenceUrl);
        }

        return IsWebAddress(url) ? null : new Problem(ProblemKind.EvidenceUrlInvalid, "url");
    }

    /// <summary>
    /// The address to link to, or null (no <c>href</c>) for anything but a web address: saving refuses such addresses,
    /// but rows written before that rule or by hand must still never become a script link.
    /// </summary>
    public static string? LinkTarget(string url) => IsWebAddress(url.Trim()) ? url.Trim() : null;

    private static bool IsWebAddress(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}
