using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace MlCareer.Web.Infrastructure;

/// <summary>
/// The secret in a link (invitation, share link): 256 random bits, base64url. Only its SHA-256 is stored, so a database
/// leak yields no usable links.
/// </summary>
public static class LinkToken
{
    private const int MaxLength = 100;

    public static string New() => WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>Whether a token from a URL is worth a lookup at all (not empty, not absurdly long).</summary>
    public static bool IsPlausible([NotNullWhen(true)] string? token) => !string.IsNullOrWhiteSpace(token) && token.Length <= MaxLength;
}
