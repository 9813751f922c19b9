using SesAnalytics.Core.Suppression;

namespace SesAnalytics.Core.Providers;

/// <summary>Addresses that must not be sent to, per pipeline or for all pipelines. Addresses are lower-cased.</summary>
public interface ISuppressionList
{
    /// <summary>The entry that stops <paramref name="pipeline"/> from sending to the address, if any.</summary>
    Task<SuppressionEntry?> FindAsync(string pipeline, string email, CancellationToken cancellationToken);

    /// <summary>Every entry for the address, whatever its scope.</summary>
    Task<IReadOnlyList<SuppressionEntry>> ListAsync(string email, CancellationToken cancellationToken);

    /// <summary>Adds the entry; when one with the same address and scope exists, it is kept as it was (idempotent).</summary>
    Task<bool> AddAsync(SuppressionEntry entry, CancellationToken cancellationToken);

    /// <summary>Lifts the suppression of one scope; returns false when there was none.</summary>
    Task<bool> RemoveAsync(string scope, string email, CancellationToken cancellationToken);
}
