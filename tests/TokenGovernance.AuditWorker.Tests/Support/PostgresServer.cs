using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace TokenGovernance.AuditWorker.Tests.Support;

/// <summary>
/// The PostgreSQL server the tests use: <c>TOKENGOV_TEST_POSTGRES</c> (a connection string whose user may create
/// databases) when set, else a throwaway server started from the installed binaries (<c>initdb</c> + <c>pg_ctl</c>
/// in a temp folder, on a free loopback port, as the <c>postgres</c> user when running as root) and removed at the
/// end. Started once, on first use. A missing PostgreSQL fails the tests with how to fix it; it never skips them.
/// </summary>
internal sealed class PostgresServer : IAsyncDisposable
{
    public const string ConnectionVariable = "TOKENGOV_TEST_POSTGRES";

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static PostgresServer? _shared;

    private readonly string? _directory;
    private readonly string? _binaries;
    private readonly string? _runAs;

    private PostgresServer(string adminConnectionString, string? directory = null, string? binaries = null, string? runAs = null)
    {
        AdminConnectionString = adminConnectionString;
        _directory = directory;
        _binaries = binaries;
        _runAs = runAs;
    }

    public string AdminConnectionString { get; }

    public static async Task<PostgresServer> SharedAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (_shared is null)
            {
                _shared = await StartAsync();
                AppDomain.CurrentDomain.ProcessExit += (_, _) => _shared.RemoveDetached();
            }

            return _shared;
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>A fresh, empty database for one test; its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = "tokengov_test_" + Guid.NewGuid().ToString("N")[..12];
        await using (var connection = new NpgsqlConnection(AdminConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name, Pooling = true }.ConnectionString;
    }

    private static async Task<PostgresServer> StartAsync()
    {
        var given = Environment.GetEnvironmentVariable(ConnectionVariable);
        if (!string.IsNullOrWhiteSpace(given))
        {
            return new PostgresServer(given);
        }

        var binaries = FindBinaries() ?? throw new InvalidOperationException(
            $"PostgreSQL is needed by these tests and was not found (no initdb/pg_ctl on PATH or under /usr/lib/postgresql/*/bin). " +
            $"Install it (Debian: apt-get install -y postgresql) or set {ConnectionVariable} to a connection string of a server where the user may create databases.");
        SweepLeftovers();
        var runAs = Environment.UserName == "root" ? "postgres" : null;
        var directory = Directory.CreateTempSubdirectory("tokengov-pg-").FullName;
        if (runAs is not null)
        {
            await RunAsync("chown", ["-R", runAs, directory], null);
        }

        var port = FreePort();
        var data = Path.Combine(directory, "data");
        await RunAsync(Path.Combine(binaries, "initdb"), ["-D", data, "-U", "tokengov", "--auth=trust", "-E", "UTF8", "--no-sync", "--no-instructions"], runAs);
        var settings = $"-p {port} -k {directory} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200";
        await RunAsync(Path.Combine(binaries, "pg_ctl"), ["-D", data, "-o", settings, "-l", Path.Combine(directory, "server.log"), "-w", "-t", "60", "start"], runAs);
        var connectionString = $"Host=127.0.0.1;Port={port};Username=tokengov;Database=postgres;Pooling=false";
        return new PostgresServer(connectionString, directory, binaries, runAs);
    }

    public async ValueTask DisposeAsync()
    {
        if (_directory is null)
        {
            return;
        }

        try
        {
            await RunAsync(Path.Combine(_binaries!, "pg_ctl"), ["-D", Path.Combine(_directory, "data"), "-m", "immediate", "-w", "stop"], _runAs);
        }
        catch (InvalidOperationException)
        {
        }

        DeleteDirectory(_directory);
    }

    /// <summary>
    /// At process exit the test host may be killed before a slow cleanup ends: hand the stop and the removal to a
    /// detached shell that outlives it.
    /// </summary>
    private void RemoveDetached()
    {
        if (_directory is null)
        {
            return;
        }

        var stop = $"{Path.Combine(_binaries!, "pg_ctl")} -D {Path.Combine(_directory, "data")} -m immediate -w stop";
        var script = (_runAs is null ? stop : $"runuser -u {_runAs} -- {stop}") + $" >/dev/null 2>&1; rm -rf {_directory}";
        var start = new ProcessStartInfo("setsid") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in (string[])["sh", "-c", script])
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start);
        process?.WaitForExit(TimeSpan.FromSeconds(2));
    }

    /// <summary>The server may still be removing its files right after the stop: try a few times.</summary>
    private static void DeleteDirectory(string directory)
    {
        for (var attempt = 0; attempt < 10 && Directory.Exists(directory); attempt++)
        {
            try
            {
                Directory.Delete(directory, recursive: true);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                Thread.Sleep(100);
            }
        }
    }

    /// <summary>Folders of earlier runs that were killed before they could clean up (no server running in them).</summary>
    private static void SweepLeftovers()
    {
        foreach (var directory in Directory.GetDirectories(Path.GetTempPath(), "tokengov-pg-*"))
        {
            if (!File.Exists(Path.Combine(directory, "data", "postmaster.pid")))
            {
                DeleteDirectory(directory);
            }
        }
    }

    private static string? FindBinaries()
    {
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator)
            .FirstOrDefault(folder => File.Exists(Path.Combine(folder, "initdb")) && File.Exists(Path.Combine(folder, "pg_ctl")));
        if (onPath is not null)
        {
            return onPath;
        }

        const string debian = "/usr/lib/postgresql";
        return Directory.Exists(debian)
            ? Directory.GetDirectories(debian).Select(version => Path.Combine(version, "bin"))
                .Where(bin => File.Exists(Path.Combine(bin, "initdb")))
                .OrderByDescending(bin => int.TryParse(Path.GetFileName(Path.GetDirectoryName(bin)), out var major) ? major : 0)
                .FirstOrDefault()
            : null;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Runs a program (as <paramref name="runAs"/> through runuser when given); fails with its output.</summary>
    private static async Task RunAsync(string program, string[] arguments, string? runAs)
    {
        var start = new ProcessStartInfo(runAs is null ? program : "runuser") { RedirectStandardOutput = true, RedirectStandardError = true };
        if (runAs is not null)
        {
            foreach (var argument in (string[])["-u", runAs, "--", program])
            {
                start.ArgumentList.Add(argument);
            }
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(program)} exited with {process.ExitCode}: {await error} {await output}".Trim());
        }
    }
}
