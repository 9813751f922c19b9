using SesAnalytics.Bench.Samples;

namespace SesAnalytics.Bench.Drain;

/// <summary>What one AWS drain comparison runs.</summary>
/// <param name="Messages">Messages the drain and the transport ceiling move.</param>
/// <param name="NaiveMessages">Messages the naive per-message drain moves (it is slow; its rate is steady).</param>
/// <param name="Concurrency">Receivers working the queue at once, the same in all three modes.</param>
/// <param name="Delay">Added before every AWS call.</param>
/// <param name="ReceiveWait">Long-poll wait of each receive (the drain stops at the first empty one).</param>
/// <param name="Mix">How the messages are spread over the samples.</param>
/// <param name="Rounds">Rounds the messages are split into; the three modes take turns in each.</param>
/// <param name="SentSpread">
/// The messages' send times fall in this span before now. The DynamoDB store writes one marker per send day in a
/// batch, so a wide span means more items per batch.
/// </param>
internal sealed record AwsDrainOptions(
    int Messages,
    int NaiveMessages,
    int Concurrency,
    TimeSpan Delay,
    TimeSpan ReceiveWait,
    SampleMix Mix,
    int Rounds,
    TimeSpan SentSpread);
