using System.Text.Json;
using SesAnalytics.Core.Tracking;

namespace SesAnalytics.Aws.DynamoDb;

/// <summary>
/// Where a tracking query stopped: the month partition it was reading (null on the email index) and the index key
/// of the last record it returned, from which DynamoDB continues.
/// </summary>
internal sealed record QueryCursor(string? Month, Dictionary<string, string> Key)
{
    public string ToPayload() => JsonSerializer.Serialize(this);

    /// <summary>Reads a payload that <see cref="CursorProtector"/> already authenticated.</summary>
    public static QueryCursor Parse(string payload)
    {
        QueryCursor? cursor;
        try
        {
            cursor = JsonSerializer.Deserialize<QueryCursor>(payload);
        }
        catch (JsonException e)
        {
            throw new InvalidNextTokenException("nextToken is not a cursor issued by this store", e);
        }

        return cursor is { Key: not null } ? cursor : throw new InvalidNextTokenException();
    }
}
