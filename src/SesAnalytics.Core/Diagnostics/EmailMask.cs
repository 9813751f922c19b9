using System.Text.RegularExpressions;

namespace SesAnalytics.Core.Diagnostics;

/// <summary>Masks addresses for logs: <c>jane@example.com</c> becomes <c>j***@example.com</c>.</summary>
public static partial class EmailMask
{
    public static string Mask(string? email)
    {
        if (string.IsNullOrEmpty(email))
        {
            return "(none)";
        }

        var at = email.LastIndexOf('@');
        return at <= 0 ? "***" : string.Concat(email.AsSpan(0, 1), "***", email.AsSpan(at));
    }

    /// <summary>Masks every address inside a text, such as an error message from SES.</summary>
    public static string? MaskAll(string? text) =>
        text is null ? null : Address().Replace(text, m => Mask(m.Value));

    [GeneratedRegex(@"[^\s<>""'(),;:]+@[^\s<>""'(),;:]+", RegexOptions.CultureInvariant)]
    private static partial Regex Address();
}
