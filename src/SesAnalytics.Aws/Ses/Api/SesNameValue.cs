namespace SesAnalytics.Aws.Ses.Api;

/// <summary>A message tag (<c>MessageTag</c>) or header (<c>MessageHeader</c>): both are a name and a value.</summary>
internal sealed record SesNameValue(string Name, string Value);
