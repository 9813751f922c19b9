using System.Globalization;
using System.Text;
using SesAnalytics.Core.Tracking;

namespace SesAnalytics.Aws.DynamoDb;

/// <summary>
/// Counters of one UTC day split by the hour the messages were sent in. Unique-message counts add up across
/// hours because each message has exactly one send time, so any whole hours of a day can be summed.
/// </summary>
internal sealed class HourlyCounts
{
    private readonly MessageOutcomes[] _hours = new MessageOutcomes[24];

    public MessageOutcomes Total { get; private set; }

    public void Add(int hour, MessageOutcomes counts)
    {
        _hours[hour] = _hours[hour].Plus(counts);
        Total = Total.Plus(counts);
    }

    /// <summary>The sum of hours <paramref name="fromHour"/> (inclusive) to <paramref name="toHour"/> (exclusive).</summary>
    public MessageOutcomes Sum(int fromHour, int toHour)
    {
        var sum = default(MessageOutcomes);
        for (var hour = Math.Max(fromHour, 0); hour < Math.Min(toHour, 24); hour++)
        {
            sum = sum.Plus(_hours[hour]);
        }

        return sum;
    }

    /// <summary>Text form of the non-empty hours: <c>HH:counters</c> joined by <c>;</c>.</summary>
    public string ToText()
    {
        var text = new StringBuilder();
        for (var hour = 0; hour < 24; hour++)
        {
            if (_hours[hour].IsZero)
            {
                continue;
            }

            if (text.Length > 0)
            {
                text.Append(';');
            }

            text.Append(hour.ToString("00", CultureInfo.InvariantCulture)).Append(':').Append(OutcomeText.Format(_hours[hour]));
        }

        return text.ToString();
    }

    public static HourlyCounts ParseText(string text)
    {
        var counts = new HourlyCounts();
        foreach (var part in text.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var colon = part.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0
                || !int.TryParse(part.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out var hour)
                || hour is < 0 or > 23)
            {
                throw new InvalidDataException($"An aggregate's hour entry '{part}' is not 'HH:counters'.");
            }

            counts.Add(hour, OutcomeText.Parse(part[(colon + 1)..]));
        }

        return counts;
    }
}
