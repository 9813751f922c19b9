using SesAnalytics.Core.Diagnostics;

namespace SesAnalytics.Core.Events;

/// <summary>
/// Makes a value from a message safe to quote in a reason, which is logged and shown: short, one line, and with any
/// address in it masked.
/// </summary>
internal static class ReasonText
{
    private const int LongestQuote = 64;

    public static string Quote(string text)
    {
        var value = EmailMask.MaskAll(text)!;
        var cut = LongestQuote;
        if (value.Length > cut && char.IsHighSurrogate(value[cut - 1]))
        {
            cut--; // never split a surrogate pair: half of one cannot be written as JSON
        }

        var shortened = value.Length > LongestQuote ? string.Concat(value.AsSpan(0, cut), "…") : value;
        return string.Create(shortened.Length, shortened, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = char.IsControl(source[i]) ? ' ' : source[i];
            }
        });
    }
}
