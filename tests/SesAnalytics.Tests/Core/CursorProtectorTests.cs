using SesAnalytics.Core.Tracking;

namespace SesAnalytics.Tests.Core;

public sealed class CursorProtectorTests
{
    private readonly CursorProtector _protector = new(Enumerable.Range(0, 32).Select(i => (byte)i).ToArray());

    [Fact]
    public void Unprotect_SameQuery_ReturnsPayload()
    {
        var token = _protector.Protect("q1", """{"position":42}""");

        Assert.Equal("""{"position":42}""", _protector.Unprotect("q1", token));
    }

    [Fact]
    public void Protect_PayloadWithAnAddress_DoesNotShowIt()
    {
        var token = _protector.Protect("q1", "MSG#1|BOUNCE|jane@example.com");

        var decoded = System.Text.Encoding.UTF8.GetString(System.Buffers.Text.Base64Url.DecodeFromChars(token));

        Assert.DoesNotContain("jane", decoded, StringComparison.Ordinal);
    }

    [Fact]
    public void Unprotect_OtherQuery_Throws()
    {
        var token = _protector.Protect("q1", "p");

        Assert.Throws<InvalidNextTokenException>(() => _protector.Unprotect("q2", token));
    }

    [Theory]
    [InlineData("")]
    [InlineData("%%%")]
    [InlineData("AAAA")]
    public void Unprotect_Garbage_Throws(string token) =>
        Assert.Throws<InvalidNextTokenException>(() => _protector.Unprotect("q1", token));

    [Fact]
    public void Unprotect_OneCharacterChanged_Throws()
    {
        var token = _protector.Protect("q1", "position-1");
        var altered = (token[0] == 'A' ? "B" : "A") + token[1..];

        Assert.Throws<InvalidNextTokenException>(() => _protector.Unprotect("q1", altered));
    }
}
