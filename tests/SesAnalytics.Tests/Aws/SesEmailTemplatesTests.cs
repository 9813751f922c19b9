using Microsoft.Extensions.DependencyInjection;
using SesAnalytics.Core.Providers;
using SesAnalytics.Core.Sending;
using SesAnalytics.Tests.Emulators;

namespace SesAnalytics.Tests.Aws;

[Collection(AwsEmulatorsCollection.Name)]
public sealed class SesEmailTemplatesTests(AwsEmulators emulators) : IDisposable
{
    private readonly ServiceProvider _services = AwsTestServices.Build(emulators, []);

    private IEmailTemplates Templates => _services.GetRequiredService<IEmailTemplates>();

    public void Dispose() => _services.Dispose();

    [Fact]
    public async Task PutAsync_NewTemplate_GetReturnsItAndListNamesIt()
    {
        var template = new EmailTemplate(EmulatorAws.UniqueName("report"), "Report {{month}}", "<p>{{month}}</p>", "{{month}}");

        await Templates.PutAsync(template, CancellationToken.None);

        Assert.Equal(template, await Templates.GetAsync(template.Name, CancellationToken.None));
        Assert.Contains(template.Name, await Templates.ListAsync(CancellationToken.None));
    }

    [Fact]
    public async Task PutAsync_ExistingName_ReplacesTheContent()
    {
        var name = EmulatorAws.UniqueName("offer");
        await Templates.PutAsync(new EmailTemplate(name, "Old {{x}}", "<p>old</p>", null), CancellationToken.None);
        var replacement = new EmailTemplate(name, "New {{x}}", null, "new text");

        await Templates.PutAsync(replacement, CancellationToken.None);

        Assert.Equal(replacement, await Templates.GetAsync(name, CancellationToken.None));
    }

    [Fact]
    public async Task ListAsync_MoreTemplatesThanOnePage_ReturnsEveryName()
    {
        var names = Enumerable.Range(0, 105).Select(_ => EmulatorAws.UniqueName("bulk")).ToList();
        foreach (var name in names)
        {
            await Templates.PutAsync(new EmailTemplate(name, "S", "<p>h</p>", null), CancellationToken.None);
        }

        var listed = await Templates.ListAsync(CancellationToken.None);

        Assert.Empty(names.Except(listed));
    }

    [Fact]
    public async Task DeleteAsync_ExistingTemplate_RemovesItAndReturnsTrueOnce()
    {
        var name = EmulatorAws.UniqueName("gone");
        await Templates.PutAsync(new EmailTemplate(name, "S", "<p>h</p>", null), CancellationToken.None);

        var first = await Templates.DeleteAsync(name, CancellationToken.None);
        var second = await Templates.DeleteAsync(name, CancellationToken.None);

        Assert.True(first);
        Assert.False(second);
        Assert.Null(await Templates.GetAsync(name, CancellationToken.None));
    }

    [Fact]
    public async Task PutAsync_MalformedHandlebars_ThrowsArgumentExceptionNamingTheTemplate()
    {
        var name = EmulatorAws.UniqueName("broken");

        var error = await Assert.ThrowsAsync<ArgumentException>(
            () => Templates.PutAsync(new EmailTemplate(name, "Hi {{#if}}", "<p>{{/each}}</p>", null), CancellationToken.None));

        Assert.Contains(name, error.Message);
    }
}
