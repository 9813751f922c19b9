using System.Text.Json;
using System.Text.Json.Nodes;

namespace SesAnalytics.Tests.Reading;

/// <summary>
/// Valid JSON variants of a document with one value replaced by a value of another kind (null, a number, a
/// string, an empty array or object), at every position, also inside JSON carried as a string (an SNS Message,
/// an SQS body).
/// </summary>
internal static class JsonMutations
{
    private static readonly Func<JsonNode?>[] Replacements =
    [
        () => null,
        () => JsonValue.Create(42),
        () => JsonValue.Create("not what was expected"),
        () => new JsonArray(),
        () => new JsonObject(),
    ];

    public static IEnumerable<string> Everywhere(string json)
    {
        var root = JsonNode.Parse(json);
        if (root is null)
        {
            yield break;
        }

        var count = Paths(root).Count();
        for (var position = 0; position < count; position++)
        {
            foreach (var replacement in Replacements)
            {
                var copy = root.DeepClone();
                Replace(copy, position, replacement);
                yield return copy.ToJsonString();
            }

            foreach (var embedded in EmbeddedVariants(root, position))
            {
                yield return embedded;
            }
        }
    }

    /// <summary>When the value at that position is a string holding JSON, the variants of that JSON put back.</summary>
    private static IEnumerable<string> EmbeddedVariants(JsonNode root, int position)
    {
        var node = Paths(root).ElementAt(position);
        if (node is not JsonValue value || !value.TryGetValue<string>(out var text) || !LooksLikeJson(text))
        {
            yield break;
        }

        foreach (var variant in Everywhere(text))
        {
            var copy = root.DeepClone();
            Replace(copy, position, () => JsonValue.Create(variant));
            yield return copy.ToJsonString();
        }
    }

    private static bool LooksLikeJson(string text)
    {
        try
        {
            return JsonNode.Parse(text) is JsonObject;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>Every value below the root, depth first.</summary>
    private static IEnumerable<JsonNode?> Paths(JsonNode root)
    {
        IEnumerable<JsonNode?> children = root switch
        {
            JsonObject obj => obj.Select(pair => pair.Value),
            JsonArray array => array,
            _ => [],
        };
        foreach (var child in children)
        {
            yield return child;
            if (child is not null)
            {
                foreach (var below in Paths(child))
                {
                    yield return below;
                }
            }
        }
    }

    private static void Replace(JsonNode root, int position, Func<JsonNode?> replacement)
    {
        var index = 0;
        Visit(root);

        bool Visit(JsonNode node)
        {
            switch (node)
            {
                case JsonObject obj:
                    foreach (var key in obj.Select(pair => pair.Key).ToList())
                    {
                        if (index++ == position)
                        {
                            obj[key] = replacement();
                            return true;
                        }

                        if (obj[key] is { } child && Visit(child))
                        {
                            return true;
                        }
                    }

                    return false;
                case JsonArray array:
                    for (var i = 0; i < array.Count; i++)
                    {
                        if (index++ == position)
                        {
                            array[i] = replacement();
                            return true;
                        }

                        if (array[i] is { } child && Visit(child))
                        {
                            return true;
                        }
                    }

                    return false;
                default:
                    return false;
            }
        }
    }
}
