using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using HandlebarsDotNet;

namespace SesAnalytics.Embedded.Sending;

/// <summary>
/// Renders SES templates (Handlebars) with the request's template data. The HTML part is HTML-escaped as SES does;
/// the subject and the text part are not.
/// </summary>
internal sealed class TemplateRenderer
{
    private readonly IHandlebars _html = Handlebars.Create();
    private readonly IHandlebars _plain = Handlebars.Create(new HandlebarsConfiguration { NoEscape = true });

    /// <summary>Renders the parts; on failure <paramref name="error"/> says what was wrong.</summary>
    public bool TryRender(
        string templateLabel,
        string? subject,
        string? html,
        string? text,
        string templateDataJson,
        [NotNullWhen(true)] out RenderedEmail? rendered,
        [NotNullWhen(false)] out string? error)
    {
        rendered = null;
        if (string.IsNullOrWhiteSpace(subject))
        {
            error = $"{templateLabel} has no subject";
            return false;
        }

        if (string.IsNullOrEmpty(html) && string.IsNullOrEmpty(text))
        {
            error = $"{templateLabel} has neither an HTML nor a text part";
            return false;
        }

        if (!TryReadData(templateDataJson, out var data, out error))
        {
            return false;
        }

        try
        {
            var renderedSubject = _plain.Compile(subject)(data);
            if (renderedSubject.Contains('\r', StringComparison.Ordinal) || renderedSubject.Contains('\n', StringComparison.Ordinal))
            {
                error = $"the subject of {templateLabel} contains a line break once rendered";
                return false;
            }

            rendered = new RenderedEmail(
                renderedSubject,
                string.IsNullOrEmpty(html) ? null : _html.Compile(html)(data),
                string.IsNullOrEmpty(text) ? null : _plain.Compile(text)(data));
            error = null;
            return true;
        }
        catch (HandlebarsException e)
        {
            error = $"{templateLabel} could not be rendered: {e.Message}";
            return false;
        }
    }

    private static bool TryReadData(
        string templateDataJson,
        [NotNullWhen(true)] out Dictionary<string, object?>? data,
        [NotNullWhen(false)] out string? error)
    {
        data = null;
        try
        {
            using var document = JsonDocument.Parse(string.IsNullOrWhiteSpace(templateDataJson) ? "{}" : templateDataJson);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                error = "templateData is not a JSON object";
                return false;
            }

            data = (Dictionary<string, object?>)ToValue(document.RootElement)!;
            error = null;
            return true;
        }
        catch (JsonException e)
        {
            error = $"templateData is not valid JSON: {e.Message}";
            return false;
        }
    }

    /// <summary>Turns JSON into the dictionaries, lists and scalars Handlebars walks.</summary>
    private static object? ToValue(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject()
            .GroupBy(property => property.Name, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => ToValue(group.Last().Value), StringComparer.Ordinal),
        JsonValueKind.Array => element.EnumerateArray().Select(ToValue).ToList(),
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number when element.TryGetInt64(out var whole) => whole,
        JsonValueKind.Number => element.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };
}
