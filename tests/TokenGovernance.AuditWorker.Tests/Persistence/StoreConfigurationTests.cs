using Microsoft.Extensions.Options;
using TokenGovernance.Audit.Configuration;
using TokenGovernance.AuditWorker.Persistence;
using TokenGovernance.AuditWorker.Tests.Support;

namespace TokenGovernance.AuditWorker.Tests.Persistence;

public sealed class StoreConfigurationTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Theory]
    [InlineData("Store=redis", "TokenGovernance:Scheduler:Store 'redis' is not 'memory' or 'postgres'")]
    [InlineData("Store=postgres", "TokenGovernance:Scheduler: Store 'postgres' needs ConnectionStringFile (preferred) or ConnectionString")]
    [InlineData("Store=postgres;ConnectionString=Host=db;ConnectionStringFile=/nowhere", "TokenGovernance:Scheduler: set ConnectionStringFile or ConnectionString, not both")]
    [InlineData("Store=postgres;ConnectionStringFile=/nowhere/connection", "TokenGovernance:Scheduler:ConnectionStringFile '/nowhere/connection' does not exist or cannot be read")]
    [InlineData("ConnectionString=Host=db", "TokenGovernance:Scheduler: a connection string is set but Store is 'memory'")]
    [InlineData("Store=postgres;ConnectionString=Host=db;SnapshotCacheDuration=-00:00:01", "TokenGovernance:Scheduler:SnapshotCacheDuration must be positive")]
    [InlineData("Store=postgres;ConnectionString=Host=db;Bogus=1", "'Bogus'")]
    public void Bad_scheduler_settings_are_named(string settings, string expected)
    {
        var problem = Assert.Throws<ConfigurationException>(() => Validate(settings.Split(';').Select(pair => pair.Split('=', 2)).ToDictionary(pair => "Scheduler:" + pair[0], pair => (string?)pair[1])));
        Assert.Contains(expected, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_connection_string_is_named_without_echoing_it()
    {
        var file = _directory.File("connection", "Host=db;Password=hunter2-canary;Flavour=wrong\n");
        var problem = Assert.Throws<ConfigurationException>(() => Validate(new() { ["Scheduler:Store"] = "postgres", ["Scheduler:ConnectionStringFile"] = file }));
        Assert.Contains($"TokenGovernance:Scheduler:ConnectionStringFile '{file}' is not a valid Npgsql connection string", problem.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2-canary", problem.Message, StringComparison.Ordinal);
        Assert.Single(problem.Message.Split('\n'));
    }

    [Fact]
    public void Postgres_with_a_connection_string_file_and_history_retention_is_accepted()
    {
        var file = _directory.File("connection", "Host=db.internal;Username=tokengov;Password=x\n");
        var services = Validate(new() { ["Scheduler:Store"] = "postgres", ["Scheduler:ConnectionStringFile"] = file, ["History:Retention"] = "30.00:00:00" });
        Assert.True(services.GetRequiredService<IOptions<SchedulerOptions>>().Value.UsesPostgres);
        Assert.Equal(TimeSpan.FromDays(30), services.GetRequiredService<IOptions<HistoryOptions>>().Value.Retention);
        Assert.Equal(TimeSpan.FromDays(180), new HistoryOptions().Retention);
        Assert.Equal("memory", new SchedulerOptions().Store);
    }

    /// <summary>The options the worker reads (<c>Scheduler</c> and <c>History</c> are options of their own), validated.</summary>
    [Fact]
    public void The_store_word_is_read_as_an_enum()
    {
        Assert.True(new SchedulerOptions { Store = "Postgres" }.UsesPostgres);
        Assert.False(new SchedulerOptions().UsesPostgres);
    }

    private ServiceProvider Validate(Dictionary<string, string?> settings) => ValidatedConfiguration.Of(settings, _directory.File("token", "t"));
}
