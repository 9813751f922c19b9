using System.CommandLine;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using SesAnalytics.Core.Events;

namespace SesAnalytics.Cli.Commands;

/// <summary><c>normalize FILE...</c>: reads SES and SNS message files and prints the normalized events of each.</summary>
internal static class NormalizeCommand
{
    /// <summary>Files larger than this are refused unread: a Lambda invocation payload is at most 6 MB.</summary>
    public const long MaxFileBytes = 16 * 1024 * 1024;

    private static readonly JsonWriterOptions WriterOptions = new()
    {
        // The output is a terminal or a file, never HTML: keep '+', '<' and non-ASCII text readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static Command Create()
    {
        var files = new Argument<string[]>("FILE")
        {
            Description =
                "Files each holding one queue message body: an SNS envelope, a raw SES event or identity "
                + "notification, or a captured Lambda payload (Records with Sns or body entries).",
            Arity = ArgumentArity.OneOrMore,
        };

        var command = new Command(
            "normalize",
            "Reads SES and SNS message files and prints, for each file, one line of JSON: "
            + "{ \"file\", \"status\": \"ok\" | \"ignored\" | \"invalid\", \"reason\", \"events\" }. "
            + "Events carry messageId, eventType, recipient, timestamp, sentAt, campaignId, tags and the fields of "
            + "their type. Exits 0 when every file is ok or ignored, 1 when any is invalid or cannot be read.")
        {
            files,
        };

        command.SetAction(parseResult =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            return Run(parseResult.GetValue(files) ?? [], output);
        });
        return command;
    }

    private static int Run(IReadOnlyList<string> files, TextWriter output)
    {
        var allHandled = true;
        foreach (var file in files)
        {
            var result = ReadFile(file);
            allHandled &= result.Status != ReadStatus.Invalid;
            output.WriteLine(Format(file, result));
        }

        return allHandled ? ExitCodes.Success : ExitCodes.Failure;
    }

    private static ReadResult ReadFile(string path)
    {
        string body;
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                return ReadResult.Invalid(Directory.Exists(path) ? "is a folder, not a file" : "no such file");
            }

            if (info.Length > MaxFileBytes)
            {
                return ReadResult.Invalid($"the file is larger than {MaxFileBytes} bytes");
            }

            body = File.ReadAllText(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException
                                              or NotSupportedException)
        {
            return ReadResult.Invalid($"cannot read the file: {exception.Message}");
        }

        return SesMessageReader.Read(body);
    }

    private static string Format(string file, ReadResult result)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("file", file);
            writer.WriteString("status", StatusName(result.Status));
            writer.WriteString("reason", result.Reason);
            writer.WriteStartArray("events");
            foreach (var trackingEvent in result.Events)
            {
                TrackingEventJson.Write(writer, trackingEvent);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length);
    }

    private static string StatusName(ReadStatus status) => status switch
    {
        ReadStatus.Ok => "ok",
        ReadStatus.Ignored => "ignored",
        _ => "invalid",
    };
}
