using System.Diagnostics;
using TokenGovernance.AuditWorker.Tests.Support;
using TokenGovernance.InfluxDouble;

namespace TokenGovernance.AuditWorker.Tests.Persistence;

/// <summary>
/// A scaled-out cluster as it runs in production: several <c>tokengov run</c> processes (never one process hosting
/// them all: Quartz's table of registered job types is process-wide, so replicas sharing a process hide a replica
/// that cannot load a job someone else scheduled) on one PostgreSQL store, many targets on one schedule. Every
/// target is audited at every fire exactly once, the work is spread, no trigger ends in ERROR, and a replica killed
/// while its audits are in flight loses no target. The Native AOT binary runs the same (NativeAot folder).
/// </summary>
[Collection(WorkerHostCollection.Name)]
public class ClusterScaleOutTests
{
    private const int Targets = 60;
    private const int Replicas = 3;
    private const int FireSeconds = 5;
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task Sixty_targets_on_three_replicas_are_each_audited_once_at_every_fire_and_a_killed_replica_loses_none()
    {
        var database = await (await PostgresServer.SharedAsync()).CreateDatabaseAsync();
        var data = new TestData((builder, test) => builder.Token(test.Alice, test.Acme, "alice writer", permissions => permissions.Write(test.Telemetry)));
        await using var server = await InfluxApiDouble.StartAsync(data.Data, InfluxDoubleMode.Oss27);
        using var directory = new TempDirectory();
        var tokenFile = directory.File("token", data.AuditToken.Token);

        // Every audit waits a little on the token list, so that audits are in flight when a replica is killed.
        server.Faults.Add(new Fault("/api/v2/authorizations", FaultKind.Slow, Delay: TimeSpan.FromMilliseconds(300)));

        var replicas = Enumerable.Range(0, Replicas).Select(index => Start(Environment(database, server.Url, tokenFile, "replica-" + index))).ToList();
        try
        {
            await Task.WhenAll(replicas.Select(replica => replica.WaitUntilReadyAsync()));
            var allStarted = DateTimeOffset.UtcNow;

            // Two fires after every replica's scheduler runs: each target once, none in ERROR, the work spread.
            var firstFires = await WaitForCompleteFiresAsync(database, allStarted, 2, replicas);
            var rows = await RunsAsync(database);
            foreach (var fire in firstFires)
            {
                AssertEveryTargetOnce(rows, fire);
            }

            var inWindow = rows.Where(row => firstFires.Contains(row.Fire)).ToList();
            foreach (var group in inWindow.GroupBy(row => row.Instance))
            {
                Assert.True(group.Count() <= inWindow.Count * 0.6,
                    $"{group.Key} ran {group.Count()} of {inWindow.Count} audits: " + string.Join(", ", inWindow.GroupBy(row => row.Instance).Select(g => g.Key + "=" + g.Count())));
            }

            // Kill replica-0 while its audits of the next fire are in flight (no shutdown, no goodbye to the cluster).
            var killedFire = NextFire(firstFires[^1]);
            await Poll.UntilAsync(
                async () => (await RunsAsync(database)).Any(row => row.Fire == killedFire),
                Generous,
                () => "no audit of the fire at " + killedFire.ToString("O"));
            var victim = replicas[0];
            victim.Kill();
            var survivors = replicas.Skip(1).ToList();

            // The killed fire still reaches every target (Quartz recovery: at least once); the fire after it exactly once.
            var afterKill = NextFire(killedFire);
            await WaitForCompleteFiresAsync(database, afterKill.AddSeconds(-1), 1, survivors);
            rows = await RunsAsync(database);
            var killedTargets = rows.Where(row => row.Fire == killedFire).Select(row => row.Target).ToHashSet(StringComparer.Ordinal);
            var lost = Enumerable.Range(0, Targets).Select(TargetName).Where(target => !killedTargets.Contains(target)).ToList();
            Assert.True(lost.Count == 0, $"the fire at {killedFire:O} lost {string.Join(", ", lost)}; their runs: "
                + string.Join(", ", rows.Where(row => lost.Contains(row.Target)).Select(row => $"{row.Fire:O} {row.Instance} {row.Outcome}"))
                + "\nsurvivors said:\n" + string.Join("\n----\n", survivors.Select(replica => replica.OutputSoFar)));
            AssertEveryTargetOnce(rows, afterKill);
            Assert.DoesNotContain(rows, row => row.Fire >= afterKill && row.Instance == "replica-0");

            Assert.Equal(0, await Database.CountAsync(database, "SELECT count(*) FROM qrtz_triggers WHERE trigger_state = 'ERROR'"));
            foreach (var replica in replicas)
            {
                var output = await replica.StopAsync();
                Assert.DoesNotContain("TypeLoadException", output, StringComparison.Ordinal);
                Assert.DoesNotContain("setting trigger state to ERROR", output, StringComparison.Ordinal);
            }
        }
        finally
        {
            foreach (var replica in replicas)
            {
                await replica.DisposeAsync();
            }
        }
    }

    private static void AssertEveryTargetOnce(List<StoredRun> rows, DateTimeOffset fire)
    {
        var atFire = rows.Where(row => row.Fire == fire).ToList();
        var twice = atFire.GroupBy(row => row.Target).Where(group => group.Count() > 1).Select(group => group.Key).ToList();
        Assert.True(twice.Count == 0, $"audited twice at {fire:O}: {string.Join(", ", twice)}");
        var missing = Enumerable.Range(0, Targets).Select(TargetName).Except(atFire.Select(row => row.Target)).ToList();
        Assert.True(missing.Count == 0, $"not audited at {fire:O}: {string.Join(", ", missing)}");
        Assert.All(atFire, row => Assert.Equal("success", row.Outcome));
    }

    /// <summary>The first <paramref name="count"/> cron fires after <paramref name="after"/> once each has a run of every target.</summary>
    private static async Task<List<DateTimeOffset>> WaitForCompleteFiresAsync(string database, DateTimeOffset after, int count, IReadOnlyList<Replica> replicas)
    {
        var first = NextFire(after);
        var fires = Enumerable.Range(0, count).Select(index => first.AddSeconds(index * FireSeconds)).ToList();
        await Poll.UntilAsync(
            async () =>
            {
                var rows = await RunsAsync(database);
                return fires.All(fire => rows.Where(row => row.Fire == fire).Select(row => row.Target).Distinct().Count() == Targets);
            },
            Generous + TimeSpan.FromSeconds(count * FireSeconds),
            () => "fires " + string.Join(", ", fires.Select(fire => fire.ToString("O"))) + " did not reach every target; replicas said:\n"
                + string.Join("\n----\n", replicas.Select(replica => replica.OutputSoFar)));

        // A moment for a stray second run of the same fire to show up.
        await Task.Delay(TimeSpan.FromSeconds(2));
        return fires;
    }

    private static DateTimeOffset NextFire(DateTimeOffset after)
    {
        var seconds = after.ToUnixTimeSeconds() / FireSeconds * FireSeconds + FireSeconds;
        return DateTimeOffset.FromUnixTimeSeconds(seconds);
    }

    private static async Task<List<StoredRun>> RunsAsync(string database)
    {
        try
        {
            return await Database.QueryAsync(database,
                "SELECT target, instance_id, outcome, scheduled_fire_time FROM tokengov_audit_runs WHERE scheduled_fire_time IS NOT NULL",
                reader => new StoredRun(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetFieldValue<DateTimeOffset>(3)));
        }
        catch (Npgsql.PostgresException exception) when (exception.SqlState == Npgsql.PostgresErrorCodes.UndefinedTable)
        {
            return [];
        }
    }

    private static string TargetName(int index) => $"t{index:00}";

    private static Dictionary<string, string?> Environment(string database, Uri url, string tokenFile, string instanceId)
    {
        var environment = new Dictionary<string, string?>
        {
            ["TokenGovernance__Schedule"] = $"0/{FireSeconds} * * * * ?",
            ["TokenGovernance__RunOnStart"] = "false",
            ["TokenGovernance__Policy__GenericUsers__Patterns__0"] = "svc-.*",
            ["TokenGovernance__Client__MaxRetries"] = "1",
            ["TokenGovernance__Scheduler__Store"] = "postgres",
            ["TokenGovernance__Scheduler__ConnectionString"] = database,
            ["TokenGovernance__Scheduler__InstanceId"] = instanceId,
            ["TokenGovernance__Scheduler__ClusterCheckinInterval"] = "00:00:01",
        };
        for (var index = 0; index < Targets; index++)
        {
            environment[$"TokenGovernance__Targets__{index}__Name"] = TargetName(index);
            environment[$"TokenGovernance__Targets__{index}__Url"] = url.ToString();
            environment[$"TokenGovernance__Targets__{index}__TokenFile"] = tokenFile;
        }

        return environment;
    }

    private static Replica Start(Dictionary<string, string?> environment)
    {
        var port = WorkerProcess.FreePort();
        return new Replica(TokengovProcess.Start(["run", "--urls", $"http://127.0.0.1:{port}"], environment), port);
    }

    private sealed record StoredRun(string Target, string Instance, string Outcome, DateTimeOffset Fire);

    /// <summary>One replica process; what it printed is collected as it goes (for failure messages) and at the end.</summary>
    private sealed class Replica : IAsyncDisposable
    {
        private readonly Process _process;
        private readonly System.Text.StringBuilder _output = new();
        private readonly HttpClient _http;

        public Replica(Process process, int port)
        {
            _process = process;
            _http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(10) };
            _process.OutputDataReceived += (_, line) => Append(line.Data);
            _process.ErrorDataReceived += (_, line) => Append(line.Data);
            _process.BeginOutputReadLine();
            _process.BeginErrorReadLine();
        }

        public string OutputSoFar
        {
            get
            {
                lock (_output)
                {
                    return _output.ToString();
                }
            }
        }

        /// <summary>Until <c>/readyz</c> says the clustered scheduler started.</summary>
        public Task WaitUntilReadyAsync() => Poll.UntilAsync(
            async () =>
            {
                Assert.False(_process.HasExited, "a replica exited: " + OutputSoFar);
                try
                {
                    // Whatever the status (the audit check may not be ready yet): the store's own line.
                    using var response = await _http.GetAsync("readyz");
                    return (await response.Content.ReadAsStringAsync()).Contains("postgres-store: Healthy", StringComparison.Ordinal);
                }
                catch (HttpRequestException)
                {
                    return false;
                }
            },
            Generous,
            () => "a replica did not start its clustered scheduler: " + OutputSoFar);

        public void Kill()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
        }

        public async Task<string> StopAsync()
        {
            Kill();
            await _process.WaitForExitAsync();
            return OutputSoFar;
        }

        public async ValueTask DisposeAsync()
        {
            await StopAsync();
            _process.Dispose();
            _http.Dispose();
        }

        private void Append(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }
}
