using Npgsql;
using NpgsqlTypes;
using TokenGovernance.Audit.Remediation;

namespace TokenGovernance.AuditWorker.Persistence;

/// <summary>
/// The worker's remediation journal in the shared store (<c>tokengov_remediation_journal</c>): one row per action, the
/// entry as the file journal's JSON line, so every replica's actions are in one place that outlives the pods.
/// </summary>
public sealed class PostgresJournal(NpgsqlDataSource dataSource) : IJournalSink
{
    public async Task WriteAsync(JournalEntry entry, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "INSERT INTO tokengov_remediation_journal (time, target, token_id, action, outcome, entry) VALUES (@time, @target, @token, @action, @outcome, @entry)");
        command.Parameters.AddWithValue("time", entry.Time);
        command.Parameters.AddWithValue("target", entry.Target);
        command.Parameters.AddWithValue("token", entry.TokenId);
        command.Parameters.AddWithValue("action", entry.Action);
        command.Parameters.AddWithValue("outcome", entry.Outcome);
        command.Parameters.Add(new NpgsqlParameter("entry", NpgsqlDbType.Jsonb) { Value = Journal.Line(entry) });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
