using System.Text.Json.Serialization;

namespace SesAnalytics.Cli.Output;

[JsonSerializable(typeof(ReplayResult))]
[JsonSerializable(typeof(DrainResult))]
[JsonSerializable(typeof(TemplateResult))]
[JsonSerializable(typeof(TemplateListResult))]
[JsonSerializable(typeof(TemplateChangeResult))]
[JsonSerializable(typeof(DeadLetterListResult))]
[JsonSerializable(typeof(RedriveResult))]
[JsonSerializable(typeof(ReconcileResult))]
[JsonSerializable(typeof(EngageResult))]
[JsonSerializable(typeof(SetupResult))]
internal sealed partial class CliJsonContext : JsonSerializerContext;
