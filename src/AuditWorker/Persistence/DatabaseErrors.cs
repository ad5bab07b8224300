using System.Net.Sockets;
using Npgsql;

namespace TokenGovernance.AuditWorker.Persistence;

/// <summary>Tells a database that cannot be reached from a bug, and says why in one line without secrets.</summary>
public static class DatabaseErrors
{
    /// <summary>
    /// True when the exception, or one it wraps (Quartz wraps database errors in its own), comes from talking to
    /// PostgreSQL: worth retrying until the database answers.
    /// </summary>
    public static bool IsUnreachable(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is NpgsqlException or SocketException or TimeoutException)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The most telling message, on one line; Npgsql messages never carry the password.</summary>
    public static string OneLine(Exception exception)
    {
        var npgsql = exception as NpgsqlException ?? exception.InnerException as NpgsqlException;
        var message = npgsql switch
        {
            { InnerException: { } inner } when npgsql.Message.StartsWith("Exception while", StringComparison.Ordinal) => inner.Message,
            { InnerException: SocketException or TimeoutException } => $"{npgsql.Message}: {npgsql.InnerException!.Message}",
            not null => npgsql.Message,
            null => exception.Message,
        };
        return message.ReplaceLineEndings(" ").Trim();
    }
}
