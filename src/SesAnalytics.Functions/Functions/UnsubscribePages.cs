using HandlebarsDotNet;

namespace SesAnalytics.Functions.Functions;

/// <summary>The small HTML pages of the unsubscribe route, rendered with Handlebars (which escapes every value).</summary>
internal static class UnsubscribePages
{
    private const string Layout = """
        <!doctype html>
        <html lang="en">
        <head><meta charset="utf-8"><meta name="robots" content="noindex"><title>{{title}}</title>
        <style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem;line-height:1.5}
        button{font-size:1rem;padding:.6rem 1.2rem;cursor:pointer}</style></head>
        <body><h1>{{title}}</h1><p>{{message}}</p>
        {{#if action}}<form method="post" action="{{action}}"><input type="hidden" name="List-Unsubscribe" value="One-Click">
        <button type="submit">Unsubscribe</button></form>{{/if}}
        </body></html>
        """;

    private static readonly HandlebarsTemplate<object, object> Template = Handlebars.Create().Compile(Layout);

    public static string Confirm(string maskedEmail, string action) => Template(new
    {
        title = "Unsubscribe",
        message = $"Stop these emails to {maskedEmail}? Other kinds of email, such as reports, are not affected.",
        action,
    });

    public static string Done(string maskedEmail) => Template(new
    {
        title = "You are unsubscribed",
        message = $"{maskedEmail} will get no more of these emails.",
        action = (string?)null,
    });

    public static string Refused(string reason) => Template(new
    {
        title = "This link cannot be used",
        message = $"The unsubscribe link is not valid: {reason}. Use the link in a recent email.",
        action = (string?)null,
    });
}
