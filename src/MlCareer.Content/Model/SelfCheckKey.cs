using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace MlCareer.Content.Model;

/// <summary>
/// The stable key of a self-check statement, under which a learner's tick is stored. It is a hash of the statement's own
/// normalised text (Unicode NFKC, lower case, runs of white space as one space, no trailing full stop), so it does not
/// depend on the statement's position or on the other statements: reordering the list, or adding, removing or rewording
/// another statement, keeps every other tick. Cosmetic edits (case, spacing, a final full stop) keep the tick too; a real
/// rewording is a new statement the learner should check again, so its old tick is dropped with a notice. Content files
/// stay plain lists, with no keys for authors to invent or keep unique; the loader refuses two statements of one
/// competency with the same key.
/// </summary>
public static class SelfCheckKey
{
    /// <summary>Hex characters in a key: 64 bits, far beyond the handful of statements a competency has.</summary>
    public const int Length = 16;

    public static string Of(string statement)
    {
        var normalised = string.Join(' ', statement.Normalize(NormalizationForm.FormKC).ToLower(CultureInfo.InvariantCulture)
            .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).TrimEnd('.');
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(normalised));
        return Convert.ToHexStringLower(hash)[..Length];
    }
}
