namespace SesAnalytics.Bench.Samples;

/// <summary>How the generated messages are spread over the recorded samples.</summary>
internal enum SampleMix
{
    /// <summary>
    /// Weighted by event type as a sending pipeline sees them: mostly sends, deliveries, opens and clicks,
    /// a few bounces, delays and complaints (see <see cref="SampleCorpus.TypicalWeights"/>).
    /// </summary>
    Typical,

    /// <summary>Every readable sample in turn, so bounces and complaints are as frequent as deliveries.</summary>
    Uniform,
}
