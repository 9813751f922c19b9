using System.Globalization;
using SesAnalytics.Core.Tracking;

namespace SesAnalytics.Aws.DynamoDb;

/// <summary>How an aggregate item stores counters: the nine numbers of <see cref="MessageOutcomes"/>, comma-separated.</summary>
internal static class OutcomeText
{
    public static string Format(MessageOutcomes counts) =>
        string.Join(',', counts.ToArray().Select(value => value.ToString(CultureInfo.InvariantCulture)));

    public static MessageOutcomes Parse(string text)
    {
        var parts = text.Split(',');
        if (parts.Length != 9)
        {
            throw new InvalidDataException($"An aggregate's counters '{text}' do not hold 9 numbers.");
        }

        return MessageOutcomes.FromArray(parts.Select(part => long.Parse(part, NumberStyles.Integer, CultureInfo.InvariantCulture)).ToArray());
    }
}
