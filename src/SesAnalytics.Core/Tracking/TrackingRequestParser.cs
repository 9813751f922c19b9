using System.Globalization;
using SesAnalytics.Core.Events;
using SesAnalytics.Core.Sending;

namespace SesAnalytics.Core.Tracking;

/// <summary>
/// Reads the query parameters of the tracking and metrics routes: a window as <c>month</c> + <c>year</c> or as
/// <c>from</c> + <c>to</c>, <c>limit</c>, <c>nextToken</c> and the <c>email</c>, <c>campaignId</c> and
/// <c>eventType</c> filters. Every problem names its parameter.
/// </summary>
public static class TrackingRequestParser
{
    public const int MinYear = 2000;
    public const int MaxYear = 2100;

    private static readonly string[] DateFormats = ["yyyy-MM-dd"];

    /// <param name="get">Returns a parameter's value, or null when absent.</param>
    /// <param name="windowRequired">Tracking queries need a window; metrics without one cover everything.</param>
    public static TrackingRequest? Parse(Func<string, string?> get, bool windowRequired, out IReadOnlyList<RequestProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(get);
        var found = new List<RequestProblem>();
        problems = found;

        var window = ParseWindow(get, windowRequired, found);
        var limit = ParseLimit(get("limit"), found);

        string? email = null;
        var emailText = get("email");
        if (emailText is not null && !SendRequestParser.TryBareAddress(emailText, out email))
        {
            found.Add(new RequestProblem("email", "is not a valid email address"));
        }

        var campaignId = get("campaignId");
        if (campaignId is not null && !SesTagRules.IsValid(campaignId))
        {
            found.Add(new RequestProblem("campaignId", "must be 1 to 256 letters, digits, '_' or '-'"));
        }

        SesEventType? eventType = null;
        var eventTypeText = get("eventType");
        if (eventTypeText is not null)
        {
            if (SesEventTypeNames.TryParse(eventTypeText, out var parsed))
            {
                eventType = parsed;
            }
            else
            {
                found.Add(new RequestProblem(
                    "eventType",
                    $"must be one of {string.Join(", ", SesEventTypeNames.All.Select(t => t.ToName()))}"));
            }
        }

        var nextToken = get("nextToken");
        if (nextToken is { Length: 0 or > 4096 })
        {
            found.Add(new RequestProblem("nextToken", "is not a cursor issued by this API"));
        }

        return found.Count > 0 ? null : new TrackingRequest(window, email, campaignId, eventType, limit, nextToken);
    }

    private static TimeWindow? ParseWindow(Func<string, string?> get, bool required, List<RequestProblem> found)
    {
        var month = get("month");
        var year = get("year");
        var from = get("from");
        var to = get("to");
        var byMonth = month is not null || year is not null;
        var byRange = from is not null || to is not null;

        if (byMonth && byRange)
        {
            found.Add(new RequestProblem("month", "give either month and year, or from and to, not both"));
            return null;
        }

        if (byMonth)
        {
            return ParseMonth(month, year, found);
        }

        if (byRange)
        {
            return ParseRange(from, to, found);
        }

        if (required)
        {
            found.Add(new RequestProblem("month", "give month and year (month=january&year=2026), or from and to"));
        }

        return null;
    }

    private static TimeWindow? ParseMonth(string? month, string? year, List<RequestProblem> found)
    {
        var monthNumber = 0;
        if (month is null)
        {
            found.Add(new RequestProblem("month", "is required with year"));
        }
        else
        {
            var names = CultureInfo.InvariantCulture.DateTimeFormat.MonthNames;
            monthNumber = Array.FindIndex(names, n => n.Length > 0 && string.Equals(n, month.Trim(), StringComparison.OrdinalIgnoreCase)) + 1;
            if (monthNumber == 0)
            {
                found.Add(new RequestProblem("month", $"'{Clip(month)}' is not an English month name (january to december)"));
            }
        }

        var yearNumber = 0;
        if (year is null)
        {
            found.Add(new RequestProblem("year", "is required with month"));
        }
        else if (year.Length != 4 || !int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out yearNumber))
        {
            found.Add(new RequestProblem("year", "must be four digits"));
        }
        else if (yearNumber is < MinYear or > MaxYear)
        {
            found.Add(new RequestProblem("year", $"must be from {MinYear} to {MaxYear}"));
        }

        if (monthNumber == 0 || yearNumber is < MinYear or > MaxYear)
        {
            return null;
        }

        var start = new DateTimeOffset(yearNumber, monthNumber, 1, 0, 0, 0, TimeSpan.Zero);
        return new TimeWindow(start, start.AddMonths(1));
    }

    private static TimeWindow? ParseRange(string? from, string? to, List<RequestProblem> found)
    {
        var start = ParseInstant("from", from, found);
        var end = ParseInstant("to", to, found);
        if (start is null || end is null)
        {
            return null;
        }

        if (start > end)
        {
            found.Add(new RequestProblem("from", "must not be after to"));
            return null;
        }

        return new TimeWindow(start.Value, end.Value);
    }

    private static DateTimeOffset? ParseInstant(string name, string? text, List<RequestProblem> found)
    {
        if (text is null)
        {
            found.Add(new RequestProblem(name, "is required (from and to go together)"));
            return null;
        }

        if (DateTime.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return new DateTimeOffset(date, TimeSpan.Zero);
        }

        if (text.Length >= 20 && text[10] == 'T' &&
            DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var instant) &&
            instant.Year is >= MinYear and <= MaxYear)
        {
            return instant;
        }

        found.Add(new RequestProblem(name, $"'{Clip(text)}' is not an ISO-8601 date (2026-01-31) or instant (2026-01-31T10:00:00Z)"));
        return null;
    }

    private static int ParseLimit(string? text, List<RequestProblem> found)
    {
        if (text is null)
        {
            return TrackingQuery.MaxLimit;
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var limit) || limit is < 1 or > TrackingQuery.MaxLimit)
        {
            found.Add(new RequestProblem("limit", $"must be a whole number from 1 to {TrackingQuery.MaxLimit}"));
            return TrackingQuery.MaxLimit;
        }

        return limit;
    }

    private static string Clip(string text) => text.Length <= 40 ? text : string.Concat(text.AsSpan(0, 40), "…");
}
