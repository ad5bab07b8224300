using Npgsql;

namespace TokenGovernance.AuditWorker.Persistence;

/// <summary>
/// Creates what the database is missing, once, however many replicas start together: the Quartz tables (only when
/// they are absent — an existing Quartz schema is never touched, Quartz validates it) and the TokenGovernance tables.
/// Everything runs in one transaction under a transaction-scoped advisory lock, so the second replica waits and then
/// finds the work done. Nothing is ever dropped.
/// </summary>
public sealed class PostgresSchema(NpgsqlDataSource dataSource, ILogger<PostgresSchema> logger)
{
    /// <summary>The advisory lock key ("tokengov" in ASCII); shared with job registration.</summary>
    public const long LockKey = 0x746F6B656E676F76;

    public async Task EnsureAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@key)", connection, transaction))
        {
            lockCommand.Parameters.AddWithValue("key", LockKey);
            await lockCommand.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var probe = new NpgsqlCommand($"SELECT to_regclass('{SqlScripts.QuartzTablePrefix}job_details') IS NULL", connection, transaction))
        {
            if ((bool)(await probe.ExecuteScalarAsync(cancellationToken))!)
            {
                foreach (var statement in SqlScripts.Statements(SqlScripts.QuartzTables()))
                {
                    await using var command = new NpgsqlCommand(statement, connection, transaction);
                    await command.ExecuteNonQueryAsync(cancellationToken);
                }

                logger.LogInformation("Created the Quartz tables (prefix {Prefix}) in PostgreSQL", SqlScripts.QuartzTablePrefix);
            }
        }

        await using (var ours = new NpgsqlCommand(SqlScripts.TokenGovernanceTables(), connection, transaction))
        {
            await ours.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }
}
