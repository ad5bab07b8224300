using Npgsql;
using TokenGovernance.Audit.Configuration;

namespace TokenGovernance.AuditWorker.Persistence;

/// <summary>
/// Reads when open findings were first seen, from the worker's findings history: what <c>tokengov tokens show</c> and
/// <c>remediate plan</c> use when the configuration names the PostgreSQL store. Read-only, one query per target.
/// </summary>
public static class OpenFindingsReader
{
    /// <summary>
    /// What a read of the history fails with when the database is not there or not configured as it should be: the
    /// history is an addition to what the CLI shows, so its callers say so in one line and go on without it.
    /// </summary>
    public static bool IsUnavailable(Exception exception) =>
        exception is NpgsqlException or ConfigurationException or TimeoutException or InvalidOperationException;

    /// <summary>When every open finding of <paramref name="target"/> was first seen, by (rule id, subject).</summary>
    public static async Task<Dictionary<(string Rule, string Subject), DateTimeOffset>> FirstSeenAsync(
        SchedulerOptions scheduler, string target, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(PostgresConnectionString.Read(scheduler));
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            "SELECT rule_id, subject, first_seen FROM tokengov_findings_history WHERE target = @target AND resolved_at IS NULL", connection);
        command.Parameters.AddWithValue("target", target);
        var firstSeen = new Dictionary<(string Rule, string Subject), DateTimeOffset>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            firstSeen[(reader.GetString(0), reader.GetString(1))] = reader.GetFieldValue<DateTimeOffset>(2);
        }

        return firstSeen;
    }

    /// <summary>When each open finding about one token was first seen, by rule id.</summary>
    public static async Task<Dictionary<string, DateTimeOffset>> FirstSeenByRuleAsync(
        SchedulerOptions scheduler, string target, string subject, CancellationToken cancellationToken) =>
        (await FirstSeenAsync(scheduler, target, cancellationToken))
            .Where(pair => pair.Key.Subject == subject)
            .ToDictionary(pair => pair.Key.Rule, pair => pair.Value, StringComparer.Ordinal);
}
