using Npgsql;
using NpgsqlTypes;
using TokenGovernance.Audit.Policy;
using TokenGovernance.AuditWorker.Results;

namespace TokenGovernance.AuditWorker.Persistence;

/// <summary>
/// Merges one successful audit into <c>tokengov_findings_history</c>, set-based: the findings are copied into a temp
/// table, then open entries still present get <c>last_seen</c>, missing ones get <c>resolved_at</c>, new keys get a
/// new entry (a reopened finding is a new entry), and <c>tokengov_finding_counters</c> counts both.
/// Runs inside the caller's transaction.
/// </summary>
public static class PostgresFindingsHistory
{
    private const string Resolve = """
        WITH resolved AS (
          UPDATE tokengov_findings_history h SET resolved_at = @seen
          WHERE h.target = @target AND h.resolved_at IS NULL
            AND NOT EXISTS (SELECT 1 FROM tokengov_current c WHERE c.rule_id = h.rule_id AND c.subject = h.subject)
          RETURNING h.rule_id)
        SELECT rule_id, count(*) FROM resolved GROUP BY rule_id
        """;

    private const string KeepOpen = """
        UPDATE tokengov_findings_history h SET last_seen = @seen, severity = c.severity, suppressed = c.suppressed
        FROM tokengov_current c
        WHERE h.target = @target AND h.resolved_at IS NULL AND h.rule_id = c.rule_id AND h.subject = c.subject
        """;

    private const string Open = """
        WITH opened AS (
          INSERT INTO tokengov_findings_history (target, rule_id, subject, severity, suppressed, first_seen, last_seen)
          SELECT @target, c.rule_id, c.subject, c.severity, c.suppressed, @seen, @seen FROM tokengov_current c
          WHERE NOT EXISTS (SELECT 1 FROM tokengov_findings_history h
                            WHERE h.target = @target AND h.resolved_at IS NULL AND h.rule_id = c.rule_id AND h.subject = c.subject)
          RETURNING rule_id)
        SELECT rule_id, count(*) FROM opened GROUP BY rule_id
        """;

    private const string Count = """
        INSERT INTO tokengov_finding_counters (target, rule_id, opened, resolved) VALUES (@target, @rule, @opened, @resolved)
        ON CONFLICT (target, rule_id) DO UPDATE
        SET opened = tokengov_finding_counters.opened + excluded.opened, resolved = tokengov_finding_counters.resolved + excluded.resolved
        """;

    /// <summary>Returns when each open finding of the target was first seen, keyed by (rule id, subject).</summary>
    public static async Task<Dictionary<(string Rule, string Subject), DateTimeOffset>> MergeAsync(
        NpgsqlConnection connection, string target, IReadOnlyList<Finding> findings, DateTimeOffset seenAt, CancellationToken cancellationToken)
    {
        await ExecuteAsync(connection, "CREATE TEMP TABLE tokengov_current (rule_id text NOT NULL, subject text NOT NULL, severity text NOT NULL, suppressed boolean NOT NULL, PRIMARY KEY (rule_id, subject)) ON COMMIT DROP", cancellationToken);
        await CopyAsync(connection, findings, cancellationToken);
        await ExecuteAsync(connection, "ANALYZE tokengov_current", cancellationToken);

        var resolved = await CountByRuleAsync(connection, Resolve, target, seenAt, cancellationToken);
        await using (var keep = Command(connection, KeepOpen, target, seenAt))
        {
            await keep.ExecuteNonQueryAsync(cancellationToken);
        }

        var opened = await CountByRuleAsync(connection, Open, target, seenAt, cancellationToken);
        foreach (var rule in opened.Keys.Union(resolved.Keys))
        {
            await using var count = new NpgsqlCommand(Count, connection);
            count.Parameters.AddWithValue("target", target);
            count.Parameters.AddWithValue("rule", rule);
            count.Parameters.AddWithValue("opened", opened.GetValueOrDefault(rule));
            count.Parameters.AddWithValue("resolved", resolved.GetValueOrDefault(rule));
            await count.ExecuteNonQueryAsync(cancellationToken);
        }

        var firstSeen = new Dictionary<(string Rule, string Subject), DateTimeOffset>(findings.Count);
        await using (var read = new NpgsqlCommand("SELECT rule_id, subject, first_seen FROM tokengov_findings_history WHERE target = @target AND resolved_at IS NULL", connection))
        {
            read.Parameters.AddWithValue("target", target);
            await using var reader = await read.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                firstSeen[(reader.GetString(0), reader.GetString(1))] = reader.GetFieldValue<DateTimeOffset>(2);
            }
        }

        return firstSeen;
    }

    /// <summary>Findings opened and resolved per rule of each target, since history began.</summary>
    public static async Task<Dictionary<string, IReadOnlyDictionary<string, FindingCounts>>> CountsAsync(
        NpgsqlConnection connection, IReadOnlyCollection<string> targets, CancellationToken cancellationToken)
    {
        var counts = targets.ToDictionary(target => target, _ => new Dictionary<string, FindingCounts>(StringComparer.Ordinal), StringComparer.Ordinal);
        await using var command = new NpgsqlCommand("SELECT target, rule_id, opened, resolved FROM tokengov_finding_counters WHERE target = ANY(@targets)", connection);
        command.Parameters.AddWithValue("targets", targets.ToArray());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            counts[reader.GetString(0)][reader.GetString(1)] = new FindingCounts(reader.GetInt64(2), reader.GetInt64(3));
        }

        return counts.ToDictionary(pair => pair.Key, pair => (IReadOnlyDictionary<string, FindingCounts>)pair.Value, StringComparer.Ordinal);
    }

    /// <summary>Deletes resolved history older than <paramref name="cutoff"/>; open findings are never pruned.</summary>
    public static async Task<int> PruneAsync(NpgsqlConnection connection, DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("DELETE FROM tokengov_findings_history WHERE resolved_at < @cutoff", connection);
        command.Parameters.AddWithValue("cutoff", cutoff);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>One row per (rule, subject): a key listed twice in one audit is one history entry.</summary>
    private static async Task CopyAsync(NpgsqlConnection connection, IReadOnlyList<Finding> findings, CancellationToken cancellationToken)
    {
        var seen = new HashSet<(string, string)>(findings.Count);
        await using var writer = await connection.BeginBinaryImportAsync("COPY tokengov_current (rule_id, subject, severity, suppressed) FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var finding in findings)
        {
            if (!seen.Add((finding.Rule.Id, finding.Subject)))
            {
                continue;
            }

            await writer.StartRowAsync(cancellationToken);
            await writer.WriteAsync(finding.Rule.Id, NpgsqlDbType.Text, cancellationToken);
            await writer.WriteAsync(finding.Subject, NpgsqlDbType.Text, cancellationToken);
            await writer.WriteAsync(finding.Severity.ToName(), NpgsqlDbType.Text, cancellationToken);
            await writer.WriteAsync(finding.Suppressed, NpgsqlDbType.Boolean, cancellationToken);
        }

        await writer.CompleteAsync(cancellationToken);
    }

    private static async Task<Dictionary<string, long>> CountByRuleAsync(NpgsqlConnection connection, string sql, string target, DateTimeOffset seenAt, CancellationToken cancellationToken)
    {
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        await using var command = Command(connection, sql, target, seenAt);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            counts[reader.GetString(0)] = reader.GetInt64(1);
        }

        return counts;
    }

    private static NpgsqlCommand Command(NpgsqlConnection connection, string sql, string target, DateTimeOffset seenAt)
    {
        var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("target", target);
        command.Parameters.AddWithValue("seen", seenAt);
        return command;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
