namespace SesAnalytics.Tests.Robustness;

/// <summary>One caller's mistake on one route and the answer it must get.</summary>
/// <param name="Name">What is wrong, for the failure message.</param>
/// <param name="Method">HTTP method.</param>
/// <param name="Path">Path and query, from the host's root (<c>/api/…</c>).</param>
/// <param name="Body">Request body, or null for none.</param>
/// <param name="ContentType">The body's content type; null sends the body without one.</param>
/// <param name="Status">The expected status code; 0 takes any answer but a 5xx.</param>
/// <param name="Parameter">The parameter the problem must name (a key of <c>errors</c>), or null when none applies.</param>
/// <param name="WithKey">Whether the function key is sent.</param>
/// <param name="Chunked">Whether the body is streamed without a Content-Length, so only reading it shows its size.</param>
public sealed record BadInputCase(
    string Name,
    HttpMethod Method,
    string Path,
    string? Body,
    string? ContentType,
    int Status,
    string? Parameter,
    bool WithKey = true,
    bool Chunked = false)
{
    public static BadInputCase Get(string name, string path, string parameter) =>
        new(name, HttpMethod.Get, path, null, null, 400, parameter);

    public static BadInputCase Delete(string name, string path, string parameter) =>
        new(name, HttpMethod.Delete, path, null, null, 400, parameter);

    public static BadInputCase PostJson(string name, string path, string body, string parameter) =>
        new(name, HttpMethod.Post, path, body, "application/json", 400, parameter);

    public override string ToString() => $"{Method} {(Path.Length > 120 ? Path[..120] + "…" : Path)} ({Name})";
}
