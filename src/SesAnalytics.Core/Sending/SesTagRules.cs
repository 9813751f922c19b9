using System.Text.RegularExpressions;

namespace SesAnalytics.Core.Sending;

/// <summary>SES message tag rules: names and values of letters, digits, <c>_</c> and <c>-</c>, 256 characters at most.</summary>
public static partial class SesTagRules
{
    public const int MaxLength = 256;

    public const string CampaignTag = "campaign";

    public static bool IsValid(string? value) => value is { Length: > 0 and <= MaxLength } && Allowed().IsMatch(value);

    [GeneratedRegex("^[A-Za-z0-9_-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex Allowed();
}
