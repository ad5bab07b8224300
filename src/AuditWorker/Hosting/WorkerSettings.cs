namespace TokenGovernance.AuditWorker.Hosting;

/// <summary>What the worker is started with (from the command line; tests set their own).</summary>
public sealed record WorkerSettings
{
    /// <summary><c>--config FILE</c>, added after the default configuration sources.</summary>
    public string? ConfigFile { get; init; }

    /// <summary><c>--urls</c>: the listen addresses; <see cref="WorkerHost.DefaultUrls"/> unless configured otherwise.</summary>
    public string? Urls { get; init; }

    /// <summary><c>--demo</c>: audit the built-in doubles.</summary>
    public bool Demo { get; init; }
}
