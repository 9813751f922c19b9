namespace SesAnalytics.Tests.Functions;

public sealed class GeneratedFunctionsTests
{
    public static TheoryData<string, string, string, string> HttpFunctions => new()
    {
        { "OutreachSend", "outreach/send", "post", "Function" },
        { "FinancialSendReport", "financial/send-report", "post", "Function" },
        { "OutreachTrackingData", "outreach/tracking-data-ses", "get", "Function" },
        { "FinancialTrackingData", "financial/tracking-data", "get", "Function" },
        { "PipelineMetrics", "{pipeline}/metrics", "get", "Function" },
        { "PipelineReconciliation", "{pipeline}/reconciliation", "get", "Function" },
        { "SuppressionsLookup", "suppressions", "get", "Function" },
        { "SuppressionsAdd", "suppressions", "post", "Function" },
        { "SuppressionsLift", "suppressions", "delete", "Function" },
        { "Health", "health", "get", "Anonymous" },
        { "UnsubscribePage", "unsubscribe", "get", "Anonymous" },
        { "UnsubscribeOneClick", "unsubscribe", "post", "Anonymous" },
    };

    [Theory]
    [MemberData(nameof(HttpFunctions))]
    public void GeneratedMetadata_HttpFunction_HasTheContractRouteMethodAndAuthLevel(string name, string route, string method, string authLevel)
    {
        var function = GeneratedFunctions.Functions().Single(f => f.GetProperty("name").GetString() == name);

        var trigger = GeneratedFunctions.Trigger(function);

        Assert.Equal("httpTrigger", trigger.GetProperty("type").GetString());
        Assert.Equal(route, trigger.GetProperty("route").GetString());
        Assert.Equal([method], trigger.GetProperty("methods").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal(authLevel, trigger.GetProperty("authLevel").GetString());
    }

    [Theory]
    [InlineData("DrainOutreach", "%OutreachDrainSchedule%")]
    [InlineData("DrainFinancial", "%FinancialDrainSchedule%")]
    [InlineData("DrainAdditionalPipelines", "%AdditionalPipelinesDrainSchedule%")]
    public void GeneratedMetadata_TimerFunction_TakesItsScheduleFromAnAppSetting(string name, string schedule)
    {
        var function = GeneratedFunctions.Functions().Single(f => f.GetProperty("name").GetString() == name);

        var trigger = GeneratedFunctions.Trigger(function);

        Assert.Equal("timerTrigger", trigger.GetProperty("type").GetString());
        Assert.Equal(schedule, trigger.GetProperty("schedule").GetString());
    }

    [Fact]
    public void GeneratedMetadata_EveryFunction_IsOneTheTestsKnow()
    {
        var known = HttpFunctions.Select(row => (string)row[0]).Concat(["DrainOutreach", "DrainFinancial", "DrainAdditionalPipelines"]);

        var names = GeneratedFunctions.Functions().Select(f => f.GetProperty("name").GetString());

        Assert.Equal(known.Order(StringComparer.Ordinal), names.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void SampleSettings_EveryTimerSchedule_IsGiven()
    {
        var sample = File.ReadAllText(Path.Combine(SesAnalytics.Tests.Emulators.RepositoryPaths.Root, "local.settings.sample.json"));
        using var settings = System.Text.Json.JsonDocument.Parse(sample);
        var values = settings.RootElement.GetProperty("Values");

        var schedules = GeneratedFunctions.Functions()
            .Select(GeneratedFunctions.Trigger)
            .Where(t => t.GetProperty("type").GetString() == "timerTrigger")
            .Select(t => t.GetProperty("schedule").GetString()!.Trim('%'));

        Assert.All(schedules, s => Assert.False(string.IsNullOrWhiteSpace(values.GetProperty(s).GetString())));
    }
}
