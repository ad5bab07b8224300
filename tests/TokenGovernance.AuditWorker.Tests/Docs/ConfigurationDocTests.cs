using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using TokenGovernance.AuditWorker.Hosting;
using TokenGovernance.AuditWorker.Persistence;
using TokenGovernance.AuditWorker.Tests.Support;

namespace TokenGovernance.AuditWorker.Tests.Docs;

public class ConfigurationDocTests
{
    [Fact]
    public void The_full_example_in_the_configuration_docs_is_accepted_by_the_worker()
    {
        using var directory = new TempDirectory();
        var markdown = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "docs", "configuration.md"));
        var example = Regex.Match(markdown, @"## Full example\s+```json\s+(?<json>.*?)```", RegexOptions.Singleline).Groups["json"].Value;
        Assert.Contains("\"Scheduler\"", example, StringComparison.Ordinal);

        // The example's secret files are mounts on a real machine; here they are temp files.
        var json = example
            .Replace("/run/secrets/influx-token", directory.File("token", "t"), StringComparison.Ordinal)
            .Replace("/var/run/secrets/tokengovernance-db/connection", directory.File("connection", "Host=db;Username=tokengov"), StringComparison.Ordinal);
        var configuration = new ConfigurationBuilder().AddJsonStream(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json))).Build();
        var services = new ServiceCollection().AddLogging().AddTokenGovernanceCore(configuration).BuildServiceProvider();
        var options = services.GetValidatedOptions();

        Assert.Equal("prod", Assert.Single(options.Targets).Name);
        Assert.True(services.GetRequiredService<IOptions<SchedulerOptions>>().Value.UsesPostgres);
        Assert.Equal(TimeSpan.FromDays(180), services.GetRequiredService<IOptions<HistoryOptions>>().Value.Retention);
    }
}
