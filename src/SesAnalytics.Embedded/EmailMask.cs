namespace SesAnalytics.Embedded;

/// <summary>Masks an address for logs: <c>jane@example.com</c> becomes <c>j***@example.com</c>.</summary>
internal static class EmailMask
{
    public static string Mask(string? email)
    {
        if (string.IsNullOrEmpty(email))
        {
            return "***";
        }

        var at = email.LastIndexOf('@');
        return at <= 0 ? "***" : string.Concat(email.AsSpan(0, 1), "***", email.AsSpan(at));
    }
}
