using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging.Testing;

namespace SesAnalytics.Tests.Security;

/// <summary>Everything a captured log record says: its formatted message, each structured value, its exception.</summary>
public static partial class CapturedLogs
{
    /// <summary>An address with its local part spelled out (a masked one, <c>j***@example.com</c>, does not match).</summary>
    [GeneratedRegex(@"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}", RegexOptions.CultureInvariant)]
    public static partial Regex FullAddress();

    public static IEnumerable<string> Texts(FakeLogRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        yield return record.Message;
        foreach (var (key, value) in record.StructuredState ?? [])
        {
            yield return $"{key}={value}";
        }

        if (record.Exception is { } exception)
        {
            yield return exception.ToString();
        }
    }

    /// <summary>Each record that contains <paramref name="text"/> anywhere, described for an assertion message.</summary>
    public static IReadOnlyList<string> Containing(IEnumerable<FakeLogRecord> records, string text) =>
        records
            .Where(r => Texts(r).Any(t => t.Contains(text, StringComparison.OrdinalIgnoreCase)))
            .Select(Describe)
            .ToList();

    /// <summary>Each record that spells out a full email address, described for an assertion message.</summary>
    public static IReadOnlyList<string> WithFullAddresses(IEnumerable<FakeLogRecord> records) =>
        records
            .Where(r => Texts(r).Any(t => FullAddress().IsMatch(Uri.UnescapeDataString(t))))
            .Select(Describe)
            .ToList();

    public static string Describe(FakeLogRecord record) =>
        $"[{record.Category} {record.Id.Name ?? record.Id.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)}] " +
        string.Join(" | ", Texts(record));
}
