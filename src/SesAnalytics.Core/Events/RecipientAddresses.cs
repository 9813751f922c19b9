using System.Diagnostics.CodeAnalysis;
using MimeKit;

namespace SesAnalytics.Core.Events;

/// <summary>
/// Turns a recipient as SES writes it (<c>"Jane Doe" &lt;Jane@Example.com&gt;</c>) into the bare, lower-cased
/// address, with an RFC 5322 parser.
/// </summary>
internal static class RecipientAddresses
{
    /// <summary>The longest address SMTP carries (RFC 5321 path limit less the angle brackets).</summary>
    public const int MaxAddressLength = 254;

    /// <summary>Longest text handed to the parser: an address with a generous display name.</summary>
    private const int MaxTextLength = 4096;

    private static readonly ParserOptions Options = CreateOptions();

    public static bool TryNormalize(string? text, [NotNullWhen(true)] out string? address)
    {
        address = null;
        if (string.IsNullOrWhiteSpace(text) || text.Length > MaxTextLength)
        {
            return false;
        }

        if (!MailboxAddress.TryParse(Options, text, out var mailbox)
            || string.IsNullOrEmpty(mailbox.LocalPart)
            || string.IsNullOrEmpty(mailbox.Domain))
        {
            return false;
        }

        var bare = mailbox.Address;
        if (bare.Length > MaxAddressLength)
        {
            return false;
        }

        address = bare.ToLowerInvariant();
        return true;
    }

    private static ParserOptions CreateOptions()
    {
        var options = ParserOptions.Default.Clone();
        options.AllowAddressesWithoutDomain = false;
        return options;
    }
}
