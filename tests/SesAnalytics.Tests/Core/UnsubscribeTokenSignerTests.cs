using Microsoft.Extensions.Time.Testing;
using SesAnalytics.Core.Suppression;

namespace SesAnalytics.Tests.Core;

public sealed class UnsubscribeTokenSignerTests
{
    private static readonly byte[] Key = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Verify_SignedToken_ReturnsItsContent()
    {
        var signer = new UnsubscribeTokenSigner(Key, _time);
        var token = new UnsubscribeToken("outreach", "ana@example.com", "spring", _time.GetUtcNow().AddDays(30));

        var read = signer.Verify(signer.Sign(token), out var problem);

        Assert.Null(problem);
        Assert.Equal(token with { ExpiresAt = DateTimeOffset.FromUnixTimeSeconds(token.ExpiresAt.ToUnixTimeSeconds()) }, read);
    }

    [Fact]
    public void Verify_AlteredPayload_IsRefused()
    {
        var signer = new UnsubscribeTokenSigner(Key, _time);
        var signed = signer.Sign(new UnsubscribeToken("outreach", "ana@example.com", null, _time.GetUtcNow().AddDays(1)));
        var other = signer.Sign(new UnsubscribeToken("outreach", "bo@example.com", null, _time.GetUtcNow().AddDays(1)));
        var spliced = other.Split('.')[0] + "." + signed.Split('.')[1];

        var read = signer.Verify(spliced, out var problem);

        Assert.Null(read);
        Assert.Contains("signature", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_TokenFromAnotherKey_IsRefused()
    {
        var forger = new UnsubscribeTokenSigner(Enumerable.Repeat((byte)7, 32).ToArray(), _time);
        var signer = new UnsubscribeTokenSigner(Key, _time);
        var forged = forger.Sign(new UnsubscribeToken("outreach", "ana@example.com", null, _time.GetUtcNow().AddDays(1)));

        Assert.Null(signer.Verify(forged, out _));
    }

    [Fact]
    public void Verify_ExpiredToken_IsRefused()
    {
        var signer = new UnsubscribeTokenSigner(Key, _time);
        var signed = signer.Sign(new UnsubscribeToken("outreach", "ana@example.com", null, _time.GetUtcNow().AddHours(1)));
        _time.Advance(TimeSpan.FromHours(2));

        var read = signer.Verify(signed, out var problem);

        Assert.Null(read);
        Assert.Contains("expired", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("no-dot")]
    [InlineData("!!!.???")]
    [InlineData(".abc")]
    public void Verify_Garbage_IsRefusedWithAReason(string? text)
    {
        var signer = new UnsubscribeTokenSigner(Key, _time);

        Assert.Null(signer.Verify(text, out var problem));
        Assert.False(string.IsNullOrEmpty(problem));
    }
}
