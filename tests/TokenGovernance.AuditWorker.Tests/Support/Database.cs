using Npgsql;

namespace TokenGovernance.AuditWorker.Tests.Support;

/// <summary>Reads a test database directly, to check what the workers stored (and changes it, to stage what a past run left).</summary>
internal static class Database
{
    public static async Task<List<T>> QueryAsync<T>(string connectionString, string sql, Func<NpgsqlDataReader, T> read)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync())
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    public static async Task<long> CountAsync(string connectionString, string sql) =>
        (await QueryAsync(connectionString, sql, reader => reader.GetInt64(0))).Single();

    public static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
