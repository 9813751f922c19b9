using System.Net.Http.Json;
using System.Text.Json;

namespace SesAnalytics.Tests.Emulators;

[Collection(AwsEmulatorsCollection.Name)]
public sealed class EmulatorSmokeTests(AwsEmulators emulators)
{
    [Fact]
    public async Task SesStore_FreshEmulator_ListsNoEmailsAsJson()
    {
        using var http = new HttpClient { BaseAddress = emulators.SesUrl };

        var store = await http.GetFromJsonAsync<JsonElement>("/store");

        Assert.Equal(JsonValueKind.Array, store.GetProperty("emails").ValueKind);
    }
}
