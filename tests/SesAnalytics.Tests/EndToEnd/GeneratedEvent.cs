namespace SesAnalytics.Tests.EndToEnd;

/// <summary>A queue message body made from a sample's shape, with the record the contract says it produces.</summary>
internal sealed record GeneratedEvent(string Body, ExpectedRecord Record);
