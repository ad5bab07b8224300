using TokenGovernance.Audit.Configuration;
using TokenGovernance.AuditWorker.Tests.Support;

namespace TokenGovernance.AuditWorker.Tests.Worker;

/// <summary>
/// The worker's sections are options of their own, validated by their components (ranges by the source-generated
/// validators): every problem of every section and of the engine's options is still one line each, all at once, each
/// naming its full key.
/// </summary>
public sealed class OptionsPerComponentTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void Problems_of_every_section_are_reported_together_one_line_each()
    {
        var problem = Assert.Throws<ConfigurationException>(() => Validate(new()
        {
            ["LogFormat"] = "xml",
            ["Scheduler:ClusterCheckinInterval"] = "2.00:00:00",
            ["Scheduler:SnapshotCacheDuration"] = "00:00:00",
            ["History:Retention"] = "00:30:00",
            ["Http:Authentication:CacheDuration"] = "02:00:00",
        }));

        Assert.Equal(
            [
                "TokenGovernance:LogFormat 'xml' is not 'plain' or 'json'",
                "TokenGovernance:Scheduler:SnapshotCacheDuration must be positive",
                "TokenGovernance:Scheduler:ClusterCheckinInterval '2.00:00:00' is out of range: it must be from 00:00:00.1000000 to 01:00:00",
                "TokenGovernance:History:Retention '00:30:00' is out of range: it must be from 01:00:00 to 3660.00:00:00",
                "TokenGovernance:Http:Authentication:CacheDuration '02:00:00' is out of range: it must be from 00:00:00 to 01:00:00",
            ],
            problem.Message.Split(Environment.NewLine));
    }

    [Fact]
    public void A_wrong_store_with_an_applying_worker_is_said_once_and_the_other_problems_stay()
    {
        var problem = Assert.Throws<ConfigurationException>(() => Validate(new()
        {
            ["LogFormat"] = "xml",
            ["Remediation:Mode"] = "apply",
            ["Scheduler:Store"] = "redis",
        }));

        Assert.Equal(
            [
                "TokenGovernance:LogFormat 'xml' is not 'plain' or 'json'",
                "TokenGovernance:Scheduler:Store 'redis' is not 'memory' or 'postgres'",
            ],
            problem.Message.Split(Environment.NewLine));
    }

    [Fact]
    public void A_key_of_a_worker_section_that_does_not_exist_is_named()
    {
        var problem = Assert.Throws<ConfigurationException>(() => Validate(new() { ["Http:Authentication:Mood"] = "bearer" }));
        Assert.Equal("TokenGovernance:Http:Authentication: 'Mood' is not a known setting (see docs/configuration.md)", problem.Message);
    }

    private void Validate(Dictionary<string, string?> settings) => ValidatedConfiguration.Of(settings, _directory.File("token", "t"));
}
