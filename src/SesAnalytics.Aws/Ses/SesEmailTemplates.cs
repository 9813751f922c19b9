using Microsoft.Extensions.Logging;
using SesAnalytics.Aws.Ses.Api;
using SesAnalytics.Core.Providers;
using SesAnalytics.Core.Sending;

namespace SesAnalytics.Aws.Ses;

/// <summary>SES v2 email templates (<c>/v2/email/templates</c>).</summary>
internal sealed class SesEmailTemplates(IHttpClientFactory httpClientFactory, ILogger<SesEmailTemplates> logger)
    : IEmailTemplates
{
    private const int PageSize = 100;

    public async Task PutAsync(EmailTemplate emailTemplate, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(emailTemplate);
        ArgumentException.ThrowIfNullOrWhiteSpace(emailTemplate.Name, nameof(emailTemplate));
        var api = Api();
        var content = new SesTemplateContent { Subject = emailTemplate.Subject, Html = emailTemplate.Html, Text = emailTemplate.Text };
        var error = await api.CreateEmailTemplateAsync(new CreateEmailTemplateRequest(emailTemplate.Name, content), cancellationToken);
        var action = "created";
        if (error is { Code: "AlreadyExistsException" })
        {
            error = await api.UpdateEmailTemplateAsync(emailTemplate.Name, new UpdateEmailTemplateRequest(content), cancellationToken);
            action = "updated";
        }

        if (error is not null)
        {
            throw error.Code is "BadRequestException"
                ? new ArgumentException($"SES refused template '{emailTemplate.Name}': {error.Message}", nameof(emailTemplate))
                : new SesApiException($"saving template '{emailTemplate.Name}'", error);
        }

        SesLog.TemplateSaved(logger, emailTemplate.Name, action);
    }

    public async Task<EmailTemplate?> GetAsync(string name, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var result = await Api().GetEmailTemplateAsync(name, cancellationToken);
        if (result.Error is { Code: "NotFoundException" })
        {
            return null;
        }

        if (result.Error is { } error)
        {
            throw new SesApiException($"reading template '{name}'", error);
        }

        var template = result.Value!;
        var content = template.TemplateContent;
        return new EmailTemplate(template.TemplateName ?? name, content?.Subject ?? string.Empty, content?.Html, content?.Text);
    }

    public async Task<IReadOnlyList<string>> ListAsync(CancellationToken cancellationToken)
    {
        var api = Api();
        var names = new List<string>();
        string? nextToken = null;
        do
        {
            var result = await api.ListEmailTemplatesAsync(nextToken, PageSize, cancellationToken);
            if (result.Error is { } error)
            {
                throw new SesApiException("listing templates", error);
            }

            var page = result.Value!;
            names.AddRange((page.TemplatesMetadata ?? []).Select(t => t.TemplateName).OfType<string>());
            nextToken = string.IsNullOrEmpty(page.NextToken) ? null : page.NextToken;
        }
        while (nextToken is not null);

        return names;
    }

    public async Task<bool> DeleteAsync(string name, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var error = await Api().DeleteEmailTemplateAsync(name, cancellationToken);
        return error switch
        {
            null => true,
            { Code: "NotFoundException" } => false,
            _ => throw new SesApiException($"deleting template '{name}'", error),
        };
    }

    private SesV2Api Api() => new(httpClientFactory.CreateClient(SesV2Api.HttpClientName));
}
