namespace TokenGovernance.AuditWorker.Persistence;

/// <summary>The SQL scripts embedded as data (Persistence/Sql).</summary>
public static class SqlScripts
{
    public const string QuartzTablePrefix = "qrtz_";

    /// <summary>Quartz's own create-if-missing script for PostgreSQL, with the table prefix substituted.</summary>
    public static string QuartzTables() => Read("quartz_tables_postgres.sql").Replace("{0}", QuartzTablePrefix).Replace("{1}", QuartzTablePrefix);

    public static string TokenGovernanceTables() => Read("tokengov_tables.sql");

    /// <summary>Quartz separates statements with a line reading exactly <c>--;;</c>.</summary>
    public static IEnumerable<string> Statements(string script) =>
        script.ReplaceLineEndings("\n").Split("\n--;;\n").Select(part => part.Trim()).Where(part => part.Split('\n').Any(line => !line.TrimStart().StartsWith("--", StringComparison.Ordinal) && line.Trim().Length > 0));

    private static string Read(string name)
    {
        using var stream = typeof(SqlScripts).Assembly.GetManifestResourceStream("TokenGovernance.Sql." + name)
            ?? throw new InvalidOperationException("embedded SQL script missing: " + name);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
