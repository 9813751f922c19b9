namespace SesAnalytics.Tests.Cli;

public sealed class TemplatesCommandTests : IDisposable
{
    private readonly EmbeddedCli _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task PutGetListDelete_Template_RoundTrips()
    {
        var html = _cli.WriteFile("offer.html", "<p>Hello {{firstName}}, <a href=\"https://example.com/offer\">see the offer</a></p>");
        var text = _cli.WriteFile("offer.txt", "Hello {{firstName}}: https://example.com/offer");

        var put = await _cli.RunAsync(
            "templates", "put", "spring-offer", "--subject", "Spring offer for {{firstName}}", "--html-file", html, "--text-file", text);
        var get = await _cli.RunAsync("templates", "get", "spring-offer", "--json");
        var list = await _cli.RunAsync("templates", "list");
        var delete = await _cli.RunAsync("templates", "delete", "spring-offer");
        var listAfter = await _cli.RunAsync("templates", "list", "--json");

        Assert.True(put.ExitCode == 0, put.ToString());
        Assert.Equal("Saved template 'spring-offer'.", put.Output.Trim());
        Assert.Equal(0, get.ExitCode);
        var template = get.Json();
        Assert.Equal("spring-offer", template["name"]!.GetValue<string>());
        Assert.Equal("Spring offer for {{firstName}}", template["subject"]!.GetValue<string>());
        Assert.Equal(File.ReadAllText(html), template["html"]!.GetValue<string>());
        Assert.Equal(File.ReadAllText(text), template["text"]!.GetValue<string>());
        Assert.Equal(["spring-offer"], list.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.Equal(0, delete.ExitCode);
        Assert.Empty(listAfter.Json()["templates"]!.AsArray());
    }

    [Fact]
    public async Task Put_SameNameAgain_ReplacesTheTemplate()
    {
        var text = _cli.WriteFile("v1.txt", "first");
        var textV2 = _cli.WriteFile("v2.txt", "second");
        await _cli.RunAsync("templates", "put", "notice", "--subject", "One", "--text-file", text);

        await _cli.RunAsync("templates", "put", "notice", "--subject", "Two", "--text-file", textV2);
        var get = await _cli.RunAsync("templates", "get", "notice");

        Assert.Equal(0, get.ExitCode);
        Assert.Contains("Subject: Two", get.Output);
        Assert.Contains("second", get.Output);
        Assert.Contains("HTML part: (none)", get.Output);
        Assert.Equal(new[] { "notice" }, (await _cli.Harness.Templates.ListAsync(CancellationToken.None)).ToArray());
    }

    [Fact]
    public async Task Get_UnknownTemplate_ExitsOneNamingIt()
    {
        var get = await _cli.RunAsync("templates", "get", "absent");

        Assert.Equal(1, get.ExitCode);
        Assert.Contains("no template named 'absent'", get.Error);
    }

    [Fact]
    public async Task Delete_UnknownTemplate_ExitsOneNamingIt()
    {
        var delete = await _cli.RunAsync("templates", "delete", "absent");

        Assert.Equal(1, delete.ExitCode);
        Assert.Contains("no template named 'absent'", delete.Error);
    }

    [Fact]
    public async Task Put_EmptyPartFile_ExitsOneNamingTheOption()
    {
        var empty = _cli.WriteFile("empty.html", string.Empty);

        var put = await _cli.RunAsync("templates", "put", "notice", "--subject", "Hi", "--html-file", empty);

        Assert.Equal(1, put.ExitCode);
        Assert.Contains("--html-file", put.Error);
        Assert.Empty(await _cli.Harness.Templates.ListAsync(CancellationToken.None));
    }
}
