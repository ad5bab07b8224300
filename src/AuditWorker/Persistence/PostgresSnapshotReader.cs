using Npgsql;
using TokenGovernance.Audit.Auditing;
using TokenGovernance.AuditWorker.Results;

namespace TokenGovernance.AuditWorker.Persistence;

/// <summary>
/// Reads the latest stored run and latest successful run of each target, and the findings counters. Payloads are
/// decoded once per run id and kept while they stay the latest, so a refresh that finds nothing new reads two
/// small rows per target. One refresher calls it at a time.
/// </summary>
public sealed class PostgresSnapshotReader(NpgsqlDataSource dataSource, SnapshotCodec codec)
{
    private const string LatestIds = """
        SELECT t.target, latest.id, success.id
        FROM unnest(@targets) AS t(target)
        LEFT JOIN LATERAL (SELECT id FROM tokengov_audit_runs r WHERE r.target = t.target ORDER BY id DESC LIMIT 1) latest ON true
        LEFT JOIN LATERAL (SELECT id FROM tokengov_audit_runs r WHERE r.target = t.target AND r.outcome = 'success' ORDER BY id DESC LIMIT 1) success ON true
        """;

    private Dictionary<long, TargetAuditResult> _decoded = [];
    private Dictionary<string, TargetState> _states = [];

    public async Task<StoredSnapshot> ReadAsync(IReadOnlyList<string> targets, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var ids = new List<(string Target, long? Latest, long? Success)>(targets.Count);
        await using (var command = new NpgsqlCommand(LatestIds, connection))
        {
            command.Parameters.AddWithValue("targets", targets.ToArray());
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                ids.Add((reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetInt64(1), reader.IsDBNull(2) ? null : reader.GetInt64(2)));
            }
        }

        var wanted = ids.SelectMany(row => new[] { row.Latest, row.Success }).OfType<long>().Distinct().ToArray();
        var decoded = wanted.Where(_decoded.ContainsKey).ToDictionary(id => id, id => _decoded[id]);
        var missing = wanted.Where(id => !decoded.ContainsKey(id)).ToArray();
        if (missing.Length > 0)
        {
            await using var command = new NpgsqlCommand("SELECT id, payload FROM tokengov_audit_runs WHERE id = ANY(@ids) AND payload IS NOT NULL", connection);
            command.Parameters.AddWithValue("ids", missing);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                decoded[reader.GetInt64(0)] = codec.Decode(reader.GetFieldValue<byte[]>(1));
            }
        }

        _decoded = decoded;
        var states = new Dictionary<string, TargetState>(StringComparer.Ordinal);
        foreach (var (target, latest, success) in ids)
        {
            if (latest is null)
            {
                continue;
            }

            // A payload pruned between the two queries (a newer run landed): keep what was served, read the newer run next time.
            if (!decoded.TryGetValue(latest.Value, out var last) || (success is not null && !decoded.ContainsKey(success.Value)))
            {
                if (_states.TryGetValue(target, out var kept))
                {
                    states[target] = kept;
                }

                continue;
            }

            states[target] = new TargetState(last, success is null ? null : decoded[success.Value]);
        }

        _states = states;
        return new StoredSnapshot(states, await PostgresFindingsHistory.CountsAsync(connection, targets, cancellationToken));
    }
}

/// <summary>What the database holds for the configured targets.</summary>
public sealed record StoredSnapshot(
    IReadOnlyDictionary<string, TargetState> Targets,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, FindingCounts>> Counts);
