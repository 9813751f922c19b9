using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SesAnalytics.Core.Events;
using SesAnalytics.Core.Providers;
using SesAnalytics.Core.Suppression;
using static SesAnalytics.Aws.DynamoDb.EventItems;

namespace SesAnalytics.Aws.DynamoDb;

/// <summary>
/// The suppression list in DynamoDB (<see cref="DynamoDbOptions.SuppressionTable"/>): one item per address and
/// scope (partition key <c>email</c>, sort key <c>scope</c>). Adding is a conditional put, so the first entry for an
/// address and scope is the one kept.
/// </summary>
internal sealed class DynamoDbSuppressionList(
    IAmazonDynamoDB client,
    IOptions<DynamoDbOptions> options,
    ILogger<DynamoDbSuppressionList> logger) : ISuppressionList
{
    public const string EmailAttribute = "email";
    public const string ScopeAttribute = "scope";

    private const string ReasonAttribute = "reason";
    private const string SinceAttribute = "since";
    private const string CampaignAttribute = "campaignId";

    private readonly string _table = options.Value.SuppressionTable;

    public async Task<SuppressionEntry?> FindAsync(string pipeline, string email, CancellationToken cancellationToken)
    {
        var scope = Normalize(pipeline, nameof(pipeline));
        var entries = await ListAsync(email, cancellationToken);

        // An entry for all pipelines wins: lifting the pipeline's own entry would not lift it.
        return entries.FirstOrDefault(e => e.Scope == SuppressionEntry.AllPipelines)
            ?? entries.FirstOrDefault(e => string.Equals(e.Scope, scope, StringComparison.Ordinal));
    }

    public async Task<IReadOnlyList<SuppressionEntry>> ListAsync(string email, CancellationToken cancellationToken)
    {
        var address = Normalize(email, nameof(email));
        var request = new QueryRequest
        {
            TableName = _table,
            ConsistentRead = true,
            KeyConditionExpression = "#email = :email",
            ExpressionAttributeNames = new Dictionary<string, string>(StringComparer.Ordinal) { ["#email"] = EmailAttribute },
            ExpressionAttributeValues = new Dictionary<string, AttributeValue>(StringComparer.Ordinal) { [":email"] = S(address) },
        };
        var entries = new List<SuppressionEntry>();
        do
        {
            var response = await client.QueryAsync(request, cancellationToken);
            entries.AddRange((response.Items ?? []).Select(FromItem));
            request.ExclusiveStartKey = response.LastEvaluatedKey is { Count: > 0 } next ? next : null;
        }
        while (request.ExclusiveStartKey is not null);

        return entries;
    }

    public async Task<bool> AddAsync(SuppressionEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var item = new Dictionary<string, AttributeValue>(StringComparer.Ordinal)
        {
            [EmailAttribute] = S(Normalize(entry.Email, nameof(entry))),
            [ScopeAttribute] = S(Normalize(entry.Scope, nameof(entry))),
            [ReasonAttribute] = S(entry.Reason.ToString()),
            [SinceAttribute] = S(EventTimestamps.Format(entry.Since)),
        };
        if (entry.CampaignId is { } campaign)
        {
            item[CampaignAttribute] = S(campaign);
        }

        try
        {
            await client.PutItemAsync(
                new PutItemRequest
                {
                    TableName = _table,
                    Item = item,
                    ConditionExpression = "attribute_not_exists(#email)",
                    ExpressionAttributeNames = new Dictionary<string, string>(StringComparer.Ordinal) { ["#email"] = EmailAttribute },
                },
                cancellationToken);
        }
        catch (ConditionalCheckFailedException)
        {
            return false;
        }

        DynamoDbLog.SuppressionChanged(logger, _table, "added", item[ScopeAttribute].S);
        return true;
    }

    public async Task<bool> RemoveAsync(string scope, string email, CancellationToken cancellationToken)
    {
        var normalizedScope = Normalize(scope, nameof(scope));
        var response = await client.DeleteItemAsync(
            new DeleteItemRequest
            {
                TableName = _table,
                Key = new Dictionary<string, AttributeValue>(StringComparer.Ordinal)
                {
                    [EmailAttribute] = S(Normalize(email, nameof(email))),
                    [ScopeAttribute] = S(normalizedScope),
                },
                ReturnValues = ReturnValue.ALL_OLD,
            },
            cancellationToken);
        var removed = response.Attributes is { Count: > 0 };
        if (removed)
        {
            DynamoDbLog.SuppressionChanged(logger, _table, "removed", normalizedScope);
        }

        return removed;
    }

    private static SuppressionEntry FromItem(Dictionary<string, AttributeValue> item)
    {
        var reasonText = Required(item, ReasonAttribute);
        if (!Enum.TryParse<SuppressionReason>(reasonText, ignoreCase: true, out var reason))
        {
            throw new InvalidDataException($"A suppression item holds the unknown reason '{reasonText}'.");
        }

        var sinceText = Required(item, SinceAttribute);
        if (!DateTimeOffset.TryParseExact(
                sinceText,
                EventTimestamps.Pattern,
                CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal,
                out var since))
        {
            throw new InvalidDataException($"A suppression item's since '{sinceText}' is not in the form {EventTimestamps.Pattern}.");
        }

        return new SuppressionEntry(
            Required(item, EmailAttribute),
            Required(item, ScopeAttribute),
            reason,
            since,
            Optional(item, CampaignAttribute));
    }

    /// <summary>Addresses and scopes are kept lower-case and trimmed; an empty one is refused.</summary>
    private static string Normalize(string? value, string parameter)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value, parameter);
        return value.Trim().ToLowerInvariant();
    }
}
