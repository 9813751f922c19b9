using System.CommandLine;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using SesAnalytics.Cli.Hosting;
using SesAnalytics.Cli.Output;
using SesAnalytics.Core.Providers;
using SesAnalytics.Core.Sending;

namespace SesAnalytics.Cli.Commands;

/// <summary><c>templates put|get|list|delete</c>: the stored email templates (SES templates, or the embedded ones).</summary>
internal static partial class TemplatesCommand
{
    public static Command Create(CliEnvironment environment) =>
        new(
            "templates",
            "Manages the stored email templates the send routes use by name: SES templates with the AWS providers, the "
            + "embedded template table otherwise. Parts use Handlebars syntax ({{firstName}}).")
        {
            CreatePut(environment),
            CreateGet(environment),
            CreateList(environment),
            CreateDelete(environment),
        };

    private static Command CreatePut(CliEnvironment environment)
    {
        var common = new CommonOptions();
        var name = NameArgument();
        var subject = new Option<string>("--subject")
        {
            HelpName = "SUBJECT",
            Required = true,
            Description = "The subject line (Handlebars).",
        };
        subject.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<string?>();
            if (string.IsNullOrWhiteSpace(value))
            {
                result.AddError("--subject: give a subject line.");
            }
            else if (value.AsSpan().ContainsAny('\r', '\n'))
            {
                result.AddError("--subject: a subject line cannot hold a line break.");
            }
        });
        var htmlFile = PartFileOption("--html-file", "A file holding the HTML part (Handlebars, UTF-8).");
        var textFile = PartFileOption("--text-file", "A file holding the text part (Handlebars, UTF-8).");
        var command = new Command(
            "put",
            "Creates the template, or replaces the one with the same name. Needs a subject and an HTML part, a text part or "
            + "both.")
        {
            name,
            subject,
            htmlFile,
            textFile,
        };
        command.Validators.Add(result =>
        {
            if (result.GetResult(htmlFile) is null && result.GetResult(textFile) is null)
            {
                result.AddError("templates put needs --html-file, --text-file or both.");
            }
        });
        common.AddTo(command);
        CommandRunner.SetAction(command, common, environment, async (context, cancellationToken) =>
        {
            var parsed = context.ParseResult;
            var template = new EmailTemplate(
                parsed.GetRequiredValue(name),
                parsed.GetRequiredValue(subject),
                await ReadPartAsync(parsed.GetValue(htmlFile), "--html-file", cancellationToken),
                await ReadPartAsync(parsed.GetValue(textFile), "--text-file", cancellationToken));
            var templates = await TemplatesAsync(context, cancellationToken);
            try
            {
                await templates.PutAsync(template, cancellationToken);
            }
            catch (ArgumentException e)
            {
                throw new CommandException(e.Message, e);
            }

            WriteChange(context, template.Name, "saved", $"Saved template '{template.Name}'.");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command CreateGet(CliEnvironment environment)
    {
        var common = new CommonOptions();
        var name = NameArgument();
        var command = new Command(
            "get",
            "Prints a template: its subject, HTML part and text part. Exits 1 when there is no such template.")
        {
            name,
        };
        common.AddTo(command);
        CommandRunner.SetAction(command, common, environment, async (context, cancellationToken) =>
        {
            var templateName = context.ParseResult.GetRequiredValue(name);
            var templates = await TemplatesAsync(context, cancellationToken);
            var template = await templates.GetAsync(templateName, cancellationToken)
                ?? throw new CommandException($"There is no template named '{templateName}'.");
            if (context.Json)
            {
                context.WriteJson(new TemplateResult(template.Name, template.Subject, template.Html, template.Text));
            }
            else
            {
                var output = context.Output;
                output.WriteLine($"Name:    {template.Name}");
                output.WriteLine($"Subject: {template.Subject}");
                WritePart(output, "HTML part", template.Html);
                WritePart(output, "Text part", template.Text);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static Command CreateList(CliEnvironment environment)
    {
        var common = new CommonOptions();
        var command = new Command("list", "Prints the names of the stored templates, one a line.");
        common.AddTo(command);
        CommandRunner.SetAction(command, common, environment, async (context, cancellationToken) =>
        {
            var templates = await TemplatesAsync(context, cancellationToken);
            var names = await templates.ListAsync(cancellationToken);
            if (context.Json)
            {
                context.WriteJson(new TemplateListResult(names));
            }
            else
            {
                foreach (var templateName in names)
                {
                    context.Output.WriteLine(templateName);
                }
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static Command CreateDelete(CliEnvironment environment)
    {
        var common = new CommonOptions();
        var name = NameArgument();
        var command = new Command(
            "delete",
            "Deletes a template. Exits 1 when there was no such template.")
        {
            name,
        };
        common.AddTo(command);
        CommandRunner.SetAction(command, common, environment, async (context, cancellationToken) =>
        {
            var templateName = context.ParseResult.GetRequiredValue(name);
            var templates = await TemplatesAsync(context, cancellationToken);
            if (!await templates.DeleteAsync(templateName, cancellationToken))
            {
                throw new CommandException($"There is no template named '{templateName}'.");
            }

            WriteChange(context, templateName, "deleted", $"Deleted template '{templateName}'.");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Argument<string> NameArgument()
    {
        var name = new Argument<string>("NAME") { Description = "The template's name: 1 to 64 letters, digits, '_' or '-' (SES's rule)." };
        name.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<string?>();
            if (value is null || !NamePattern().IsMatch(value))
            {
                result.AddError($"NAME: '{value}' is not a template name; use 1 to 64 letters, digits, '_' or '-'.");
            }
        });
        return name;
    }

    private static Option<FileInfo?> PartFileOption(string name, string description)
    {
        var option = new Option<FileInfo?>(name) { HelpName = "FILE", Description = description };
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<FileInfo?>() is { Exists: false } file)
            {
                result.AddError($"{name}: no such file '{file}'.");
            }
        });
        return option;
    }

    private static async Task<string?> ReadPartAsync(FileInfo? file, string option, CancellationToken cancellationToken)
    {
        if (file is null)
        {
            return null;
        }

        try
        {
            var part = await File.ReadAllTextAsync(file.FullName, cancellationToken);
            return part.Length > 0 ? part : throw new CommandException($"{option}: '{file}' is empty.");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CommandException($"{option}: cannot read '{file}': {e.Message}", e);
        }
    }

    private static async Task<IEmailTemplates> TemplatesAsync(CommandContext context, CancellationToken cancellationToken) =>
        (await context.StartAsync(cancellationToken)).GetRequiredService<IEmailTemplates>();

    private static void WriteChange(CommandContext context, string name, string action, string text)
    {
        if (context.Json)
        {
            context.WriteJson(new TemplateChangeResult(name, action));
        }
        else
        {
            context.Output.WriteLine(text);
        }
    }

    private static void WritePart(TextWriter output, string title, string? part)
    {
        output.WriteLine();
        output.WriteLine(part is null ? $"{title}: (none)" : $"{title}:");
        if (part is not null)
        {
            output.WriteLine(part.TrimEnd('\r', '\n'));
        }
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();
}
