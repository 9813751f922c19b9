using SesAnalytics.Core.Sending;

namespace SesAnalytics.Tests.Embedded;

public sealed class SqliteEmailTemplatesTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly EmbeddedHarness _harness;

    public SqliteEmailTemplatesTests() => _harness = EmbeddedHarness.Create(_folder.Path, EmbeddedHarness.NewClock());

    public void Dispose()
    {
        _harness.Dispose();
        _folder.Dispose();
    }

    [Fact]
    public async Task PutAsync_ExistingName_ReplacesTheTemplate()
    {
        await _harness.Templates.PutAsync(new EmailTemplate("offer", "Old", "<p>old</p>", null), CancellationToken.None);

        await _harness.Templates.PutAsync(new EmailTemplate("offer", "New {{x}}", null, "new"), CancellationToken.None);

        var stored = await _harness.Templates.GetAsync("offer", CancellationToken.None);
        Assert.Equal(new EmailTemplate("offer", "New {{x}}", null, "new"), stored);
        Assert.Equal(["offer"], await _harness.Templates.ListAsync(CancellationToken.None));
    }

    [Fact]
    public async Task ListAsync_SeveralTemplates_ReturnsNamesInOrder()
    {
        await _harness.Templates.PutAsync(new EmailTemplate("b-report", "S", null, "t"), CancellationToken.None);
        await _harness.Templates.PutAsync(new EmailTemplate("a_offer", "S", "<p/>", null), CancellationToken.None);

        var names = await _harness.Templates.ListAsync(CancellationToken.None);

        Assert.Equal(["a_offer", "b-report"], names);
    }

    [Fact]
    public async Task DeleteAsync_ExistingAndMissing_ReportsWhetherOneWasDeleted()
    {
        await _harness.Templates.PutAsync(new EmailTemplate("offer", "S", null, "t"), CancellationToken.None);

        var first = await _harness.Templates.DeleteAsync("offer", CancellationToken.None);
        var second = await _harness.Templates.DeleteAsync("offer", CancellationToken.None);

        Assert.True(first);
        Assert.False(second);
        Assert.Null(await _harness.Templates.GetAsync("offer", CancellationToken.None));
    }

    [Theory]
    [InlineData("has space", "S", "<p/>", "not valid")]
    [InlineData("offer", " ", "<p/>", "no subject")]
    [InlineData("offer", "S", null, "HTML part")]
    public async Task PutAsync_InvalidTemplate_ThrowsSayingWhatIsWrong(string name, string subject, string? html, string expected)
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(
            () => _harness.Templates.PutAsync(new EmailTemplate(name, subject, html, null), CancellationToken.None));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
