using System.Net.Mail;
using System.Text;
using System.Text.Json;
using SesAnalytics.Core.Events;

namespace SesAnalytics.Core.Sending;

/// <summary>
/// Reads and validates a send request body. Every problem names the field it is about; a request with any
/// problem is refused as a whole.
/// </summary>
public static class SendRequestParser
{
    /// <summary>SES's limit on template data.</summary>
    public const int MaxTemplateDataBytes = 30 * 1024;

    /// <summary>What JsonElement's refusal of an escaped lone UTF-16 surrogate (<c>"\ud800"</c>) means to a caller.</summary>
    public static readonly RequestProblem LoneSurrogate =
        new("body", "holds a string with a lone UTF-16 surrogate escape, which is not text");

    /// <summary>RFC 5321's limit on the part of an address before the '@'.</summary>
    public const int MaxLocalPartLength = 64;

    public static SendRequest? Parse(string body, int maxRecipients, bool allowReportId, out IReadOnlyList<RequestProblem> problems)
    {
        var found = new List<RequestProblem>();
        problems = found;
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 32 });
        }
        catch (JsonException e)
        {
            found.Add(new RequestProblem("body", $"is not valid JSON: {e.Message}"));
            return null;
        }

        using (document)
        {
            try
            {
                return Read(document.RootElement, maxRecipients, allowReportId, found);
            }
            catch (InvalidOperationException)
            {
                // JsonElement refuses to turn an escaped lone UTF-16 surrogate ("\ud800") into a string.
                found.Clear();
                found.Add(LoneSurrogate);
                return null;
            }
        }
    }

    private static SendRequest? Read(JsonElement root, int maxRecipients, bool allowReportId, List<RequestProblem> found)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            found.Add(new RequestProblem("body", "must be a JSON object"));
            return null;
        }

        var to = ReadRecipients(root, maxRecipients, found);
        var campaignId = ReadString(root, "campaignId", required: true, found);
        if (campaignId is not null && !SesTagRules.IsValid(campaignId))
        {
            found.Add(new RequestProblem("campaignId", "must be 1 to 256 letters, digits, '_' or '-'"));
        }

        var templateName = ReadString(root, "templateName", required: false, found);
        if (templateName is not null && !IsTemplateName(templateName))
        {
            found.Add(new RequestProblem("templateName", "must be 1 to 64 letters, digits, '_' or '-' (SES template names)"));
        }

        var content = ReadTemplateContent(root, found);
        var contentGiven = Property(root, "templateContent") is { ValueKind: not JsonValueKind.Null };
        if (templateName is null && !contentGiven && !found.Any(p => p.Parameter == "templateName"))
        {
            found.Add(new RequestProblem("templateName", "is required unless templateContent is given"));
        }
        else if (templateName is not null && contentGiven)
        {
            found.Add(new RequestProblem("templateContent", "cannot be given together with templateName"));
        }

        var data = ReadTemplateData(root, found);
        var tags = ReadTags(root, found);
        string? reportId = null;
        if (allowReportId)
        {
            reportId = ReadString(root, "reportId", required: false, found);
            if (reportId is not null && !SesTagRules.IsValid(reportId))
            {
                found.Add(new RequestProblem("reportId", "must be 1 to 256 letters, digits, '_' or '-'"));
            }
        }

        if (found.Count > 0)
        {
            return null;
        }

        return new SendRequest
        {
            To = to,
            CampaignId = campaignId!,
            TemplateName = templateName,
            TemplateContent = content,
            TemplateDataJson = data,
            Tags = tags,
            ReportId = reportId,
        };
    }

    private static JsonElement? Property(JsonElement obj, string name)
    {
        if (obj.TryGetProperty(name, out var exact))
        {
            return exact;
        }

        foreach (var property in obj.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return property.Value;
            }
        }

        return null;
    }

    private static string? ReadString(JsonElement obj, string name, bool required, List<RequestProblem> found, string? path = null)
    {
        path ??= name;
        var value = Property(obj, name);
        if (value is null || value.Value.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                found.Add(new RequestProblem(path, "is required"));
            }

            return null;
        }

        if (value.Value.ValueKind != JsonValueKind.String)
        {
            found.Add(new RequestProblem(path, $"must be a string, not {Describe(value.Value.ValueKind)}"));
            return null;
        }

        var text = value.Value.GetString()!;
        if (text.Length == 0)
        {
            found.Add(new RequestProblem(path, "must not be empty"));
            return null;
        }

        if (HasLineBreak(text))
        {
            found.Add(new RequestProblem(path, "must not contain CR or LF"));
            return null;
        }

        return text;
    }

    private static List<string> ReadRecipients(JsonElement root, int maxRecipients, List<RequestProblem> found)
    {
        var value = Property(root, "to");
        var raw = new List<(string Path, JsonElement Element)>();
        switch (value?.ValueKind)
        {
            case null or JsonValueKind.Null:
                found.Add(new RequestProblem("to", "is required"));
                return [];
            case JsonValueKind.String:
                raw.Add(("to", value.Value));
                break;
            case JsonValueKind.Array:
                var i = 0;
                foreach (var item in value.Value.EnumerateArray())
                {
                    raw.Add(($"to[{i++}]", item));
                }

                break;
            default:
                found.Add(new RequestProblem("to", "must be an address or a list of addresses"));
                return [];
        }

        if (raw.Count == 0)
        {
            found.Add(new RequestProblem("to", "must name at least one address"));
            return [];
        }

        if (raw.Count > maxRecipients)
        {
            found.Add(new RequestProblem("to", $"names {raw.Count} addresses; this route takes at most {maxRecipients}"));
            return [];
        }

        var addresses = new List<string>(raw.Count);
        foreach (var (path, element) in raw)
        {
            if (element.ValueKind != JsonValueKind.String)
            {
                found.Add(new RequestProblem(path, $"must be a string, not {Describe(element.ValueKind)}"));
                continue;
            }

            var text = element.GetString()!;
            if (!TryBareAddress(text, out var address))
            {
                found.Add(new RequestProblem(path, "is not a valid email address"));
                continue;
            }

            if (!addresses.Contains(address, StringComparer.Ordinal))
            {
                addresses.Add(address);
            }
        }

        return addresses;
    }

    /// <summary>
    /// A bare address (no display name, no line breaks, a local part of at most 64 characters), lower-cased, that
    /// the event reader also accepts: what is sent can always be tracked.
    /// </summary>
    public static bool TryBareAddress(string text, out string address)
    {
        address = string.Empty;
        if (string.IsNullOrWhiteSpace(text) || HasLineBreak(text) || text.Length > RecipientAddresses.MaxAddressLength)
        {
            return false;
        }

        var trimmed = text.Trim();
        if (!MailAddress.TryCreate(trimmed, out var parsed) ||
            !string.Equals(parsed.Address, trimmed, StringComparison.OrdinalIgnoreCase) ||
            !parsed.Host.Contains('.', StringComparison.Ordinal) ||
            parsed.User.Length > MaxLocalPartLength ||
            !RecipientAddresses.TryNormalize(trimmed, out var readable) ||
            !string.Equals(readable, parsed.Address.ToLowerInvariant(), StringComparison.Ordinal))
        {
            return false;
        }

        address = readable;
        return true;
    }

    private static bool IsTemplateName(string name) =>
        name.Length <= 64 && SesTagRules.IsValid(name);

    private static TemplateContent? ReadTemplateContent(JsonElement root, List<RequestProblem> found)
    {
        var value = Property(root, "templateContent");
        if (value is null || value.Value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.Value.ValueKind != JsonValueKind.Object)
        {
            found.Add(new RequestProblem("templateContent", "must be an object with subject, html and/or text"));
            return null;
        }

        var subject = ReadString(value.Value, "subject", required: true, found, "templateContent.subject");
        var html = ReadBody(value.Value, "html", found);
        var text = ReadBody(value.Value, "text", found);
        if (html is null && text is null)
        {
            found.Add(new RequestProblem("templateContent", "needs html or text"));
        }

        return subject is null ? null : new TemplateContent(subject, html, text);
    }

    private static string? ReadBody(JsonElement content, string name, List<RequestProblem> found)
    {
        var value = Property(content, name);
        if (value is null || value.Value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.Value.ValueKind != JsonValueKind.String)
        {
            found.Add(new RequestProblem($"templateContent.{name}", $"must be a string, not {Describe(value.Value.ValueKind)}"));
            return null;
        }

        return value.Value.GetString();
    }

    private static string ReadTemplateData(JsonElement root, List<RequestProblem> found)
    {
        var value = Property(root, "templateData");
        if (value is null || value.Value.ValueKind == JsonValueKind.Null)
        {
            return "{}";
        }

        if (value.Value.ValueKind != JsonValueKind.Object)
        {
            found.Add(new RequestProblem("templateData", "must be a JSON object"));
            return "{}";
        }

        var json = value.Value.GetRawText();
        if (Encoding.UTF8.GetByteCount(json) > MaxTemplateDataBytes)
        {
            found.Add(new RequestProblem("templateData", $"is larger than SES's limit of {MaxTemplateDataBytes} bytes"));
            return "{}";
        }

        return json;
    }

    private static Dictionary<string, string> ReadTags(JsonElement root, List<RequestProblem> found)
    {
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        var value = Property(root, "tags");
        if (value is null || value.Value.ValueKind == JsonValueKind.Null)
        {
            return tags;
        }

        if (value.Value.ValueKind != JsonValueKind.Object)
        {
            found.Add(new RequestProblem("tags", "must be an object of tag names to values"));
            return tags;
        }

        foreach (var tag in value.Value.EnumerateObject())
        {
            var path = $"tags.{tag.Name}";
            if (!SesTagRules.IsValid(tag.Name))
            {
                found.Add(new RequestProblem(path, "tag names must be 1 to 256 letters, digits, '_' or '-'"));
                continue;
            }

            if (string.Equals(tag.Name, SesTagRules.CampaignTag, StringComparison.OrdinalIgnoreCase))
            {
                found.Add(new RequestProblem(path, "the campaign tag comes from campaignId"));
                continue;
            }

            if (tag.Value.ValueKind != JsonValueKind.String || !SesTagRules.IsValid(tag.Value.GetString()))
            {
                found.Add(new RequestProblem(path, "tag values must be strings of 1 to 256 letters, digits, '_' or '-'"));
                continue;
            }

            tags[tag.Name] = tag.Value.GetString()!;
        }

        if (tags.Count > 40)
        {
            found.Add(new RequestProblem("tags", "SES allows at most 50 tags per message, campaign and pipeline tags included"));
        }

        return tags;
    }

    private static bool HasLineBreak(string text) => text.AsSpan().IndexOfAny('\r', '\n') >= 0;

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => kind.ToString().ToLowerInvariant(),
    };
}
