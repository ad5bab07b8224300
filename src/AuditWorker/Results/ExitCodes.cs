using TokenGovernance.Audit.Auditing;
using TokenGovernance.Audit.Policy;

namespace TokenGovernance.AuditWorker.Results;

/// <summary>The exit codes of <c>tokengov</c> (a contract for CI).</summary>
public static class ExitCodes
{
    /// <summary>Audit done, no unsuppressed finding at or above <c>--fail-on</c>.</summary>
    public const int Success = 0;

    /// <summary>At least one unsuppressed finding at or above <c>--fail-on</c>.</summary>
    public const int Findings = 1;

    /// <summary>At least one target could not be audited (takes precedence over findings).</summary>
    public const int TargetFailed = 2;

    /// <summary>
    /// Internal error (EX_SOFTWARE): an audit failed in a way no step expects (a bug), or the worker stopped itself
    /// because it cannot go on (the clustered scheduler could not be created, the listen address is taken).
    /// </summary>
    public const int WorkerFailed = 70;

    /// <summary>The same code, by the name the CLI uses for it.</summary>
    public const int InternalError = WorkerFailed;

    /// <summary>The report could not be written (EX_IOERR): a full disk, a closed or full standard output.</summary>
    public const int OutputFailed = 74;

    /// <summary>Usage or configuration error (EX_USAGE).</summary>
    public const int UsageOrConfiguration = 64;

    /// <summary><c>tokens show ID</c>: no token has that id on any target read.</summary>
    public const int NotFound = 1;

    /// <summary><c>tokens</c>: 0 listed (also when nothing matches), 2 a target could not be read, 70 a bug.</summary>
    public static int ForListing(AuditReport report) =>
        report.Targets.Any(target => target.InternalError) ? InternalError : report.AnyTargetFailed ? TargetFailed : Success;

    public static int For(AuditReport report, Severity? failOn)
    {
        if (report.Targets.Any(target => target.InternalError))
        {
            return InternalError;
        }

        if (report.AnyTargetFailed)
        {
            return TargetFailed;
        }

        var breaches = report.Targets
            .SelectMany(target => target.Findings)
            .Any(finding => !finding.Suppressed && failOn is not null && finding.Severity >= failOn.Value);
        return breaches ? Findings : Success;
    }
}
