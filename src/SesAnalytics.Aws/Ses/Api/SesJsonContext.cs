using System.Text.Json.Serialization;

namespace SesAnalytics.Aws.Ses.Api;

/// <summary>JSON for the SES v2 REST API: PascalCase names as SES spells them, nulls left out.</summary>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(SendEmailRequest))]
[JsonSerializable(typeof(SendEmailResponse))]
[JsonSerializable(typeof(SendBulkEmailRequest))]
[JsonSerializable(typeof(SendBulkEmailResponse))]
[JsonSerializable(typeof(CreateEmailTemplateRequest))]
[JsonSerializable(typeof(UpdateEmailTemplateRequest))]
[JsonSerializable(typeof(GetEmailTemplateResponse))]
[JsonSerializable(typeof(ListEmailTemplatesResponse))]
[JsonSerializable(typeof(SesErrorBody))]
internal sealed partial class SesJsonContext : JsonSerializerContext;
