using Npgsql;
using TokenGovernance.Audit.Configuration;

namespace TokenGovernance.AuditWorker.Persistence;

/// <summary>Reads the connection string from <c>ConnectionStringFile</c> or <c>ConnectionString</c>; never logs or echoes it.</summary>
public static class PostgresConnectionString
{
    public const string ApplicationName = "tokengov";

    /// <summary>A connection string file is a few hundred bytes; a larger one is the wrong file.</summary>
    public const int MaxFileBytes = 64 * 1024;

    public static string Read(SchedulerOptions options)
    {
        var text = string.IsNullOrWhiteSpace(options.ConnectionStringFile)
            ? options.ConnectionString ?? string.Empty
            : ReadFile(options.ConnectionStringFile);
        var builder = Parse(text.Trim(), options.ConnectionStringFile is null ? "TokenGovernance:Scheduler:ConnectionString" : $"TokenGovernance:Scheduler:ConnectionStringFile '{options.ConnectionStringFile}'");
        builder.ApplicationName ??= ApplicationName;
        return builder.ConnectionString;
    }

    private static string ReadFile(string path)
    {
        try
        {
            return Audit.Safety.InputFile.ReadAllText(path, MaxFileBytes, $"TokenGovernance:Scheduler:ConnectionStringFile '{path}'");
        }
        catch (Audit.Safety.InputFileException exception)
        {
            throw new ConfigurationException(exception.Message, exception);
        }
    }

    /// <summary>A parse error names the setting and the problem, never the text (it may hold a password).</summary>
    private static NpgsqlConnectionStringBuilder Parse(string text, string where)
    {
        try
        {
            return new NpgsqlConnectionStringBuilder(text);
        }
        catch (Exception exception) when (exception is ArgumentException or FormatException or InvalidCastException)
        {
            var reason = exception.Message.Split('\n')[0].Trim();
            throw new ConfigurationException($"{where} is not a valid Npgsql connection string: {reason}", exception);
        }
    }
}
