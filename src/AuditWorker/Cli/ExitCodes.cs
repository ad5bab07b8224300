using TokenGovernance.AuditWorker.Auditing;
using TokenGovernance.AuditWorker.Policy;

namespace TokenGovernance.AuditWorker.Cli;

/// <summary>The exit codes of <c>tokengov</c> (a contract for CI).</summary>
public static class ExitCodes
{
    /// <summary>Audit done, no unsuppressed finding at or above <c>--fail-on</c>.</summary>
    public const int Success = 0;

    /// <summary>At least one unsuppressed finding at or above <c>--fail-on</c>.</summary>
    public const int Findings = 1;

    /// <summary>At least one target could not be audited (takes precedence over findings).</summary>
    public const int TargetFailed = 2;

    /// <summary>The worker stopped itself because it cannot go on (EX_SOFTWARE): the clustered scheduler could not be created.</summary>
    public const int WorkerFailed = 70;

    /// <summary>Usage or configuration error (EX_USAGE).</summary>
    public const int UsageOrConfiguration = 64;

    public static int For(AuditReport report, Severity? failOn)
    {
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
