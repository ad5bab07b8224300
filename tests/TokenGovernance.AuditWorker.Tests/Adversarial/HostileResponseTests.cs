using System.Text.Json.Nodes;

namespace TokenGovernance.AuditWorker.Tests.Adversarial;

/// <summary>
/// Every hostile answer of <see cref="HostileCases"/> through <c>tokengov audit</c>: the target fails (exit 2) with one
/// line that names the call and the cause, within the bound, with no token anywhere, or (for framing a client must
/// accept) the audit succeeds. Three classes so that xunit runs them side by side.
/// </summary>
public abstract class HostileResponseTests(HostileFixture fixture)
{
    public static TheoryData<string> Part(int part) => new(HostileCases.Names.Where((_, index) => index % 3 == part));

    protected async Task RunAsync(string name)
    {
        var hostile = fixture.Cases[name];
        var config = fixture.Config($"{name}.json", [fixture.Target(hostile)], hostile.AuditTimeout, stalls: hostile.Stalls);
        var report = Path.Combine(Path.GetDirectoryName(config)!, $"{name}-report.json");

        var auditTimeout = TimeSpan.Parse(hostile.AuditTimeout, System.Globalization.CultureInfo.InvariantCulture);
        var run = await AdversarialAssert.RunAsync(["audit", "--config", config, "--format", "json", "--output", report, "--fail-on", "none"],
            bound: auditTimeout > TimeSpan.FromSeconds(20) ? auditTimeout + TimeSpan.FromSeconds(30) : null);

        AdversarialAssert.NoCrash(run);
        var json = File.Exists(report) ? await File.ReadAllTextAsync(report) : string.Empty;
        AdversarialAssert.NoCanary(fixture.Canaries, ("stdout", run.StandardOutput), ("stderr", run.StandardError), ("the JSON report", json));
        AdversarialAssert.NoCanary(fixture.Canaries, ("what the other origin received", string.Join('\n', fixture.OtherOrigin.ReceivedAuthorizations)));
        var target = JsonNode.Parse(json)!["targets"]![0]!;
        if (hostile.Succeeds)
        {
            Assert.True(run.ExitCode == 0, run.StandardError);
            Assert.Equal("success", (string?)target["outcome"]);
            return;
        }

        Assert.True(run.ExitCode == 2, $"exit {run.ExitCode}: {run.StandardError}");
        Assert.Equal("failure", (string?)target["outcome"]);
        var line = AdversarialAssert.OneLine(run, "tokengov: audit failed: target 'hostile': ");
        Assert.True(line.Contains(hostile.Expected, StringComparison.Ordinal), $"'{hostile.Expected}' is not in: {line}");
        Assert.Equal(line["tokengov: audit failed: ".Length..], (string?)target["error"]);
    }
}

[Collection(AdversarialCollection.Name)]
public sealed class HostileResponseTestsPart1(HostileFixture fixture) : HostileResponseTests(fixture), IClassFixture<HostileFixture>
{
    [Theory]
    [MemberData(nameof(Part), 0)]
    public Task Hostile_response_fails_the_target_clearly_and_leaks_nothing(string name) => RunAsync(name);
}

[Collection(AdversarialCollection.Name)]
public sealed class HostileResponseTestsPart2(HostileFixture fixture) : HostileResponseTests(fixture), IClassFixture<HostileFixture>
{
    [Theory]
    [MemberData(nameof(Part), 1)]
    public Task Hostile_response_fails_the_target_clearly_and_leaks_nothing(string name) => RunAsync(name);
}

[Collection(AdversarialCollection.Name)]
public sealed class HostileResponseTestsPart3(HostileFixture fixture) : HostileResponseTests(fixture), IClassFixture<HostileFixture>
{
    [Theory]
    [MemberData(nameof(Part), 2)]
    public Task Hostile_response_fails_the_target_clearly_and_leaks_nothing(string name) => RunAsync(name);
}
