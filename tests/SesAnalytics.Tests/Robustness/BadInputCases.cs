using System.Security.Cryptography;
using System.Text.Json;
using SesAnalytics.Core.Suppression;

namespace SesAnalytics.Tests.Robustness;

/// <summary>
/// The table of bad input: every route, every mistake the contract names (malformed or oversized bodies, missing or
/// wrongly typed fields, bad addresses, line breaks in header values, oversized template data, unknown pipelines,
/// each bad query parameter, tampered cursors and tokens, wrong content types, no function key).
/// </summary>
public static class BadInputCases
{
    public const string OutreachSend = "/api/outreach/send";
    public const string FinancialSend = "/api/financial/send-report";
    public const string OutreachTracking = "/api/outreach/tracking-data-ses";
    public const string FinancialTracking = "/api/financial/tracking-data";

    /// <summary>The first page the seeded cursors come from: everything, one record a page.</summary>
    public const string PageQuery = "from=2000-01-01&to=2100-01-01&limit=1";

    private const string Json = "application/json";
    private const string Form = "application/x-www-form-urlencoded";
    private const string Month = "month=january&year=2026";

    public static string OutreachPage => $"{OutreachTracking}?{PageQuery}";

    public static string FinancialPage => $"{FinancialTracking}?{PageQuery}";

    public static IReadOnlyList<BadInputCase> All(SeededInput seeded)
    {
        ArgumentNullException.ThrowIfNull(seeded);
        return
        [
            .. Send(OutreachSend, Valid(), singleRecipient: false),
            .. Send(FinancialSend, Valid().With("reportId", "r-1"), singleRecipient: true),
            .. FinancialOnly(),
            .. Tracking(OutreachTracking),
            .. Tracking(FinancialTracking),
            .. Cursors(OutreachTracking, seeded.OutreachNextToken, FinancialTracking),
            .. Cursors(FinancialTracking, seeded.FinancialNextToken, OutreachTracking),
            .. Metrics(),
            .. Suppressions(),
            .. Unsubscribe(seeded.Signer),
            .. WithoutKey(),
        ];
    }

    /// <summary>
    /// Odd input that is not wrong, at the edges of what the routes take: extreme windows and days, unusual
    /// addresses, templates that cannot be found or rendered. Whatever each answers, it is not a 5xx
    /// (<see cref="BadInputCase.Status"/> 0).
    /// </summary>
    public static IReadOnlyList<BadInputCase> Edges()
    {
        BadInputCase Any(string name, string path) => new(name, HttpMethod.Get, path, null, null, 0, null);
        BadInputCase Send(string name, string field, object? value) =>
            new(name, HttpMethod.Post, OutreachSend, Serialize(Valid().With(field, value)), Json, 0, null);

        return
        [
            Any("widest date window", $"{OutreachTracking}?from=0001-01-01&to=9999-12-31"),
            Any("widest date window", $"{FinancialTracking}?from=0001-01-01&to=9999-12-31&eventType=delivery"),
            Any("widest date window", "/api/outreach/metrics?from=0001-01-01&to=9999-12-31"),
            Any("widest date window for a campaign", "/api/financial/metrics?from=0001-01-01&to=9999-12-31&campaignId=seed"),
            Any("empty window", $"{OutreachTracking}?from=2026-01-01&to=2026-01-01"),
            Any("last month allowed", $"{OutreachTracking}?month=DECEMBER&year=2100"),
            Any("first month allowed", "/api/outreach/metrics?month=january&year=2000"),
            Any("first day there is", "/api/outreach/reconciliation?day=0001-01-01"),
            Any("last day there is", "/api/financial/reconciliation?day=9999-12-31"),
            Any("longest campaignId", $"/api/outreach/metrics?campaignId={new string('c', 256)}"),
            Any("upper-case email filter", $"{OutreachTracking}?{Month}&email=SEED1%40EXAMPLE.COM"),
            Send("address with an accented domain", "to", "ana@exämple.com"),
            Send("address with a quoted local part", "to", "\"ana smith\"@example.com"),
            new(
                "template that does not exist",
                HttpMethod.Post,
                OutreachSend,
                Serialize(Valid().With("templateContent", null).With("templateName", "no-such-template")),
                Json,
                0,
                null),
            Send("template that cannot be rendered", "templateContent", new { subject = "Hi {{#if}}", html = "<p>{{/each}}</p>" }),
            Send("template data that does not match", "templateData", new { firstName = new[] { 1, 2 } }),
        ];
    }

    /// <summary>Mistakes in a send request, on either send route; <paramref name="valid"/> is a correct request for it.</summary>
    private static IEnumerable<BadInputCase> Send(string path, Dictionary<string, object?> valid, bool singleRecipient)
    {
        BadInputCase Raw(string name, string body, string parameter = "body") => BadInputCase.PostJson(name, path, body, parameter);
        BadInputCase Field(string name, string field, object? value, string? parameter = null) =>
            BadInputCase.PostJson(name, path, Serialize(valid.With(field, value)), parameter ?? field);
        BadInputCase Content(string name, object content, string parameter) =>
            Field(name, "templateContent", content, parameter);
        BadInputCase Tag(string name, string tag, object value) =>
            Field(name, "tags", new Dictionary<string, object> { [tag] = value }, $"tags.{tag}");

        yield return Raw("malformed JSON", """{"to": ["ana@example.com"], "campaignId": """);
        yield return Raw("empty body", string.Empty);
        yield return Raw("JSON that is not an object", """["ana@example.com"]""");
        yield return Raw("nesting deeper than allowed", new string('[', 200) + new string(']', 200));
        var oversized = Serialize(valid.With("templateData", new { blob = new string('x', 300 * 1024) }));
        yield return Raw("body over 256 KiB", oversized);
        yield return Raw("body over 256 KiB", oversized) with { Name = "body over 256 KiB, streamed without a length", Chunked = true };
        yield return Field("no campaignId", "campaignId", null);
        yield return Field("campaignId a number", "campaignId", 2026);
        yield return Field("campaignId with spaces", "campaignId", "spring 2026");
        yield return Field("campaignId with LF", "campaignId", "spring\n2026");
        yield return Field("no to", "to", null);
        yield return Field("to a number", "to", 42);
        yield return Field("to an object", "to", new { address = "ana@example.com" });
        yield return Field("to an empty list", "to", Array.Empty<string>());
        yield return Field("to a list holding a number", "to", new object[] { 42 }, "to[0]");
        yield return Field("invalid address", "to", "not-an-address");
        yield return Field("address without a domain dot", "to", "ana@localhost");
        yield return Field("address with a display name", "to", "Ana <ana@example.com>");
        yield return Field("address with CR LF and a Bcc", "to", "ana@example.com\r\nBcc: eve@example.com");
        yield return Field(
            "second address invalid", "to", new[] { "ana@example.com", "bob@@example.com" }, singleRecipient ? "to" : "to[1]");
        yield return Field("more recipients than allowed", "to", Enumerable.Range(0, 51).Select(i => $"r{i}@example.com").ToArray());
        yield return Field("neither templateName nor templateContent", "templateContent", null, "templateName");
        yield return Field("templateName and templateContent", "templateName", "spring-offer", "templateContent");
        yield return BadInputCase.PostJson(
            "templateName with LF",
            path,
            Serialize(valid.With("templateContent", null).With("templateName", "spring\noffer")),
            "templateName");
        yield return BadInputCase.PostJson(
            "templateName a number",
            path,
            Serialize(valid.With("templateContent", null).With("templateName", 7)),
            "templateName");
        yield return Content("templateContent a string", "<p>Hi</p>", "templateContent");
        yield return Content(
            "subject with CR LF",
            new { subject = "Hi\r\nBcc: eve@example.com", html = "<p>Hi</p>" },
            "templateContent.subject");
        yield return Content("subject with LF", new { subject = "Hello\nthere", text = "Hi" }, "templateContent.subject");
        yield return Content("subject with CR", new { subject = "Hello\rthere", text = "Hi" }, "templateContent.subject");
        yield return Content("subject missing", new { html = "<p>Hi</p>" }, "templateContent.subject");
        yield return Content("no html and no text", new { subject = "Hello" }, "templateContent");
        yield return Content("html a number", new { subject = "Hello", html = 5 }, "templateContent.html");
        yield return Field("templateData too large", "templateData", new { blob = new string('x', 31 * 1024) });
        yield return Field("templateData a string", "templateData", "firstName=Ana");
        yield return Field("tags a list", "tags", new[] { "smb" });
        yield return Tag("tag value with LF", "segment", "smb\nvip");
        yield return Tag("tag value a number", "segment", 5);
        yield return Tag("tag name with a space", "my segment", "smb");
        yield return Tag("tag named campaign", "campaign", "other");
        yield return new BadInputCase("text/plain body", HttpMethod.Post, path, Serialize(valid), "text/plain", 415, null);
        yield return new BadInputCase("text/xml body", HttpMethod.Post, path, "<send/>", "text/xml", 415, null);
        yield return new BadInputCase("form body", HttpMethod.Post, path, "to=ana%40example.com&campaignId=x", Form, 415, null);
    }

    private static IEnumerable<BadInputCase> FinancialOnly()
    {
        BadInputCase Field(string name, string field, object? value, string? parameter = null) =>
            BadInputCase.PostJson(name, FinancialSend, Serialize(Valid().With("reportId", "r-1").With(field, value)), parameter ?? field);

        yield return Field("two recipients", "to", new[] { "ana@example.com", "bob@example.com" });
        yield return Field("reportId a number", "reportId", 17);
        yield return Field("reportId with a slash", "reportId", "2026/01");
        yield return Field("reportId with CR", "reportId", "r-1\r");
        yield return Field("reportId empty", "reportId", string.Empty);
    }

    private static IEnumerable<BadInputCase> Tracking(string path)
    {
        BadInputCase Query(string name, string query, string parameter) => BadInputCase.Get(name, $"{path}?{query}", parameter);

        yield return BadInputCase.Get("no window", path, "month");
        yield return Query("unknown month", "month=smarch&year=2026", "month");
        yield return Query("month as a number", "month=1&year=2026", "month");
        yield return Query("month abbreviated", "month=jan&year=2026", "month");
        yield return Query("month without year", "month=january", "year");
        yield return Query("year without month", "year=2026", "month");
        yield return Query("year before 2000", "month=january&year=1999", "year");
        yield return Query("year after 2100", "month=january&year=2101", "year");
        yield return Query("year of five digits", "month=january&year=20266", "year");
        yield return Query("year of two digits", "month=january&year=26", "year");
        yield return Query("year not a number", "month=january&year=next", "year");
        yield return Query("limit 0", $"{Month}&limit=0", "limit");
        yield return Query("limit over 500", $"{Month}&limit=501", "limit");
        yield return Query("limit negative", $"{Month}&limit=-5", "limit");
        yield return Query("limit not a number", $"{Month}&limit=all", "limit");
        yield return Query("limit a fraction", $"{Month}&limit=2.5", "limit");
        yield return Query("limit beyond int", $"{Month}&limit=99999999999999999999", "limit");
        yield return Query("limit given twice", $"{Month}&limit=5&limit=6", "limit");
        yield return Query("from after to", "from=2026-02-01&to=2026-01-01", "from");
        yield return Query("from without to", "from=2026-01-01", "to");
        yield return Query("to without from", "to=2026-01-01", "from");
        yield return Query("from not a date", "from=last-week&to=2026-01-01", "from");
        yield return Query("to an impossible date", "from=2026-01-01&to=2026-02-30", "to");
        yield return Query("to an instant out of range", "from=2026-01-01&to=9999-12-31T23:59:59Z", "to");
        yield return Query("both window styles", $"{Month}&from=2026-01-01&to=2026-02-01", "month");
        yield return Query("email filter not an address", $"{Month}&email=ana", "email");
        yield return Query("email filter with CR LF", $"{Month}&email=ana%40example.com%0D%0A", "email");
        yield return Query("unknown eventType", $"{Month}&eventType=TELEPORT", "eventType");
        yield return Query("campaignId with spaces", $"{Month}&campaignId=spring%202026", "campaignId");
        yield return Query("empty nextToken", $"{Month}&nextToken=", "nextToken");
        yield return Query("made-up nextToken", $"{Month}&nextToken=abc", "nextToken");
        yield return Query("huge nextToken", $"{Month}&nextToken={new string('A', 5000)}", "nextToken");
    }

    /// <summary>A real cursor, altered: one character changed, cut short, lengthened, used for another query or route.</summary>
    private static IEnumerable<BadInputCase> Cursors(string path, string token, string otherPath)
    {
        BadInputCase Page(string name, string altered, string query = PageQuery, string? onPath = null) =>
            BadInputCase.Get(name, $"{onPath ?? path}?{query}&nextToken={Uri.EscapeDataString(altered)}", "nextToken");

        yield return Page("nextToken with one character changed", Flip(token, token.Length / 2));
        yield return Page("nextToken with its last character changed", Flip(token, token.Length - 1));
        yield return Page("nextToken cut short", token[..^6]);
        yield return Page("nextToken lengthened", token + "AAAA");
        yield return Page("nextToken reversed", new string(token.Reverse().ToArray()));
        yield return Page("nextToken of another filter", token, $"{PageQuery}&campaignId=other");
        yield return Page("nextToken of another window", token, "from=2000-01-01&to=2099-01-01&limit=1");
        yield return Page("nextToken of the other route", token, onPath: otherPath);
    }

    private static IEnumerable<BadInputCase> Metrics()
    {
        yield return BadInputCase.Get("unknown pipeline", "/api/marketing/metrics", "pipeline");
        yield return BadInputCase.Get("pipeline with odd characters", "/api/%E2%98%83%3Cscript%3E/metrics", "pipeline");
        yield return BadInputCase.Get("unknown month", "/api/outreach/metrics?month=smarch&year=2026", "month");
        yield return BadInputCase.Get("year out of range", "/api/financial/metrics?month=may&year=1850", "year");
        yield return BadInputCase.Get("from after to", "/api/outreach/metrics?from=2026-03-01&to=2026-01-01", "from");
        yield return BadInputCase.Get("to without from", "/api/outreach/metrics?to=2026-03-01", "from");
        yield return BadInputCase.Get("campaignId with a slash", "/api/outreach/metrics?campaignId=a%2Fb", "campaignId");
        yield return BadInputCase.Get("limit over 500", "/api/outreach/metrics?limit=1000", "limit");
        yield return BadInputCase.Get("reconciliation of an unknown pipeline", "/api/marketing/reconciliation?day=2026-01-10", "pipeline");
        yield return BadInputCase.Get("reconciliation without day", "/api/outreach/reconciliation", "day");
        yield return BadInputCase.Get("reconciliation of an impossible day", "/api/outreach/reconciliation?day=2026-02-30", "day");
        yield return BadInputCase.Get("reconciliation of a day not in ISO form", "/api/financial/reconciliation?day=10%2F01%2F2026", "day");
        yield return BadInputCase.Get("reconciliation of an instant", "/api/financial/reconciliation?day=2026-01-10T00:00:00Z", "day");
    }

    private static IEnumerable<BadInputCase> Suppressions()
    {
        const string path = "/api/suppressions";
        BadInputCase Add(string name, string body, string parameter) => BadInputCase.PostJson(name, path, body, parameter);

        yield return BadInputCase.Get("lookup without email", path, "email");
        yield return BadInputCase.Get("lookup of an invalid address", $"{path}?email=ana", "email");
        yield return BadInputCase.Get("lookup of an address with CR LF", $"{path}?email=ana%40example.com%0D%0Ax", "email");
        yield return Add("add with malformed JSON", """{"email": "ana@example.com" """, "body");
        yield return Add("add with a JSON list", """["ana@example.com"]""", "body");
        yield return Add("add without email", """{"scope": "*"}""", "email");
        yield return Add("add with email a number", """{"email": 5}""", "email");
        yield return Add("add with an invalid address", """{"email": "ana"}""", "email");
        yield return Add("add with an address with CR LF", """{"email": "ana@example.com\r\nx"}""", "email");
        yield return Add("add with an unknown scope", """{"email": "ana@example.com", "scope": "marketing"}""", "scope");
        yield return Add("add with scope a list", """{"email": "ana@example.com", "scope": ["*"]}""", "scope");
        var oversized = Serialize(new { email = "ana@example.com", pad = new string('x', 300 * 1024) });
        yield return Add("add with a body over 256 KiB", oversized, "body");
        yield return Add("add with a body over 256 KiB, streamed without a length", oversized, "body") with { Chunked = true };
        yield return new BadInputCase(
            "add with a text/plain body", HttpMethod.Post, path, """{"email": "ana@example.com"}""", "text/plain", 415, null);
        yield return new BadInputCase("add with a form body", HttpMethod.Post, path, "email=ana%40example.com", Form, 415, null);
        yield return BadInputCase.Delete("lift without email", path, "email");
        yield return BadInputCase.Delete("lift of an invalid address", $"{path}?email=ana%40", "email");
        yield return BadInputCase.Delete("lift of an unknown scope", $"{path}?email=ana%40example.com&scope=marketing", "scope");
    }

    /// <summary>Unsubscribe links that were altered, forged, expired or name no pipeline, on the page and on one-click.</summary>
    private static IEnumerable<BadInputCase> Unsubscribe(UnsubscribeTokenSigner signer)
    {
        string Sign(string pipeline, string email, double days) =>
            signer.Sign(new UnsubscribeToken(pipeline, email, "spring-2026", DateTimeOffset.UtcNow.AddDays(days)));

        var valid = Sign("outreach", "ana@example.com", 30);
        var dot = valid.IndexOf('.', StringComparison.Ordinal);
        var other = Sign("outreach", "eve@example.com", 30);
        var foreignKey = new UnsubscribeTokenSigner(RandomNumberGenerator.GetBytes(32), TimeProvider.System)
            .Sign(new UnsubscribeToken("outreach", "ana@example.com", null, DateTimeOffset.UtcNow.AddDays(1)));
        var queries = new Dictionary<string, string>
        {
            ["no token"] = string.Empty,
            ["a token without a signature"] = Token(valid[..dot]),
            ["a token with one character changed"] = Token(Flip(valid, 5)),
            ["a token whose payload was swapped"] = Token(other[..other.IndexOf('.', StringComparison.Ordinal)] + valid[dot..]),
            ["a token that is not base64url"] = "?token=%25%25%25.%25%25%25",
            ["a token given twice"] = Token(valid) + "&" + Token(valid)[1..],
            ["an expired token"] = Token(Sign("outreach", "ana@example.com", -1)),
            ["a token for an unknown pipeline"] = Token(Sign("marketing", "ana@example.com", 1)),
            ["a token signed with another key"] = Token(foreignKey),
        };
        foreach (var (name, query) in queries)
        {
            var path = "/api/unsubscribe" + query;
            yield return new BadInputCase($"page with {name}", HttpMethod.Get, path, null, null, 400, "token", WithKey: false);
            yield return new BadInputCase(
                $"one-click with {name}", HttpMethod.Post, path, "List-Unsubscribe=One-Click", Form, 400, "token", WithKey: false);
        }
    }

    private static IEnumerable<BadInputCase> WithoutKey()
    {
        BadInputCase NoKey(HttpMethod method, string path, string? body = null) =>
            new("no function key", method, path, body, body is null ? null : Json, 401, null, WithKey: false);

        yield return NoKey(HttpMethod.Post, OutreachSend, Serialize(Valid()));
        yield return NoKey(HttpMethod.Post, FinancialSend, Serialize(Valid().With("reportId", "r-1")));
        yield return NoKey(HttpMethod.Get, $"{OutreachTracking}?{Month}");
        yield return NoKey(HttpMethod.Get, $"{FinancialTracking}?{Month}");
        yield return NoKey(HttpMethod.Get, "/api/outreach/metrics");
        yield return NoKey(HttpMethod.Get, "/api/financial/reconciliation?day=2026-01-10");
        yield return NoKey(HttpMethod.Get, "/api/suppressions?email=ana%40example.com");
        yield return NoKey(HttpMethod.Post, "/api/suppressions", """{"email": "ana@example.com"}""");
        yield return NoKey(HttpMethod.Delete, "/api/suppressions?email=ana%40example.com");
    }

    /// <summary>A send request that is valid as it stands; cases change one field of it.</summary>
    private static Dictionary<string, object?> Valid() => new()
    {
        ["to"] = "ana@example.com",
        ["campaignId"] = "spring-2026",
        ["templateContent"] = new { subject = "Hello {{firstName}}", html = "<p>Hi {{firstName}}</p>", text = "Hi {{firstName}}" },
        ["templateData"] = new { firstName = "Ana" },
    };

    /// <summary>A copy with <paramref name="field"/> set to <paramref name="value"/>, or left out when it is null.</summary>
    private static Dictionary<string, object?> With(this Dictionary<string, object?> request, string field, object? value)
    {
        var copy = new Dictionary<string, object?>(request);
        if (value is null)
        {
            copy.Remove(field);
        }
        else
        {
            copy[field] = value;
        }

        return copy;
    }

    private static string Serialize(object value) => JsonSerializer.Serialize(value);

    /// <summary>
    /// The text with the base64url character at <paramref name="index"/> replaced by the one whose highest bit differs:
    /// a change that always alters the decoded bytes (the lowest bits of a last character may be padding).
    /// </summary>
    private static string Flip(string text, int index)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        var position = alphabet.IndexOf(text[index], StringComparison.Ordinal);
        if (position < 0)
        {
            throw new ArgumentException($"Character {index} of the token is not base64url.", nameof(index));
        }

        return string.Concat(text.AsSpan(0, index), alphabet[(position + 32) % 64].ToString(), text.AsSpan(index + 1));
    }

    private static string Token(string token) => "?token=" + Uri.EscapeDataString(token);
}
