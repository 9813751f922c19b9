using SesAnalytics.Core.Suppression;

namespace SesAnalytics.Tests.Robustness;

/// <summary>Real values taken from a running app, for cases that alter them: paging cursors and an unsubscribe signer.</summary>
/// <param name="OutreachNextToken">A cursor of <see cref="BadInputCases.OutreachPage"/>.</param>
/// <param name="FinancialNextToken">A cursor of <see cref="BadInputCases.FinancialPage"/>.</param>
/// <param name="Signer">The app's unsubscribe token signer.</param>
public sealed record SeededInput(string OutreachNextToken, string FinancialNextToken, UnsubscribeTokenSigner Signer);
