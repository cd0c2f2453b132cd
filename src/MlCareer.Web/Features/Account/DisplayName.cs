using System.ComponentModel.DataAnnotations;
using System.Text;
using System.Text.RegularExpressions;

namespace MlCareer.Web.Features.Account;

/// <summary>
/// The one rule for the names people show each other (on invitations, mentee lists, comments). A name may use any
/// script, accents and emoji, but no character that hides or reorders text, which would let a name pose as another.
/// </summary>
public static partial class DisplayName
{
    /// <summary>True when <paramref name="value"/> has no control, zero-width or text-direction character and no broken surrogate pair.</summary>
    public static bool IsAllowed(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (IsRefused(value[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The stored form of an allowed name: composed (NFC, so "é" is one character however it was typed), trimmed, runs of white space made one space.</summary>
    public static string Normalize(string value) => WhiteSpaceRun().Replace(value.Normalize(NormalizationForm.FormC), " ").Trim();

    private static bool IsRefused(char c) =>
        char.IsControl(c) || char.IsSurrogate(c)
        // Bidi marks, embeddings, overrides and isolates: they reorder the text around them.
        || c is '\u061C' or '\u200E' or '\u200F' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069')
        // Zero-width space, joiners and no-break: invisible, so two names that look the same could differ.
        || c is (>= '\u200B' and <= '\u200D') or '\u2060' or '\uFEFF';

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpaceRun();
}

/// <summary>Refuses a display name that <see cref="DisplayName.IsAllowed"/> refuses; the form sets the message.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class AllowedDisplayNameAttribute : ValidationAttribute
{
    public override bool IsValid(object? value) => value is not string name || DisplayName.IsAllowed(name);
}
