using Microsoft.Extensions.Options;
using Quartz;
using TokenGovernance.Audit.Configuration;
using TokenGovernance.Audit.Safety;
using TokenGovernance.AuditWorker.Scheduling;

namespace TokenGovernance.AuditWorker.Hosting;

/// <summary>Checks what only the worker reads: schedules, the shutdown grace, log format, the scheduler store and history.</summary>
public sealed class WorkerOptionsValidator : IValidateOptions<TokenGovernanceOptions>
{
    private const string Root = TokenGovernanceOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, TokenGovernanceOptions options)
    {
        var problems = new List<string>();
        ValidateSchedule($"{Root}:Schedule", options.Schedule, problems);
        for (var index = 0; index < options.Targets.Count; index++)
        {
            if (options.Targets[index].Schedule is { } schedule)
            {
                ValidateSchedule($"{Root}:Targets:{index}:Schedule", schedule, problems);
            }
        }

        OptionBounds.Check($"{Root}:ShutdownGracePeriod", options.ShutdownGracePeriod, TimeSpan.Zero, TimeSpan.FromHours(1), problems);
        if (!Choices.TryParse<LogFormat>(options.LogFormat, out _))
        {
            problems.Add($"{Root}:LogFormat '{options.LogFormat}' is not 'plain' or 'json'");
        }

        ValidateScheduler(options.Scheduler, problems);
        if (options.Remediation.ParsedMode == RemediationMode.Apply && string.IsNullOrWhiteSpace(options.Remediation.JournalFile) && !options.Scheduler.UsesPostgres)
        {
            problems.Add($"{Root}:Remediation:JournalFile is required with Mode 'apply' and the memory store: every action the worker takes is journaled (with the PostgreSQL store, in the database)");
        }

        OptionBounds.CheckPositive($"{Root}:History:Retention", options.History.Retention, TimeSpan.FromHours(1), TimeSpan.FromDays(3660), problems);
        ValidateAuthentication(options.Http, problems);

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    private static void ValidateAuthentication(HttpEndpointOptions http, List<string> problems)
    {
        const string path = Root + ":Http:Authentication";
        var authentication = http.Authentication;
        var mode = authentication.Mode;
        if (mode is not (EndpointAuthenticationOptions.None or EndpointAuthenticationOptions.Bearer or EndpointAuthenticationOptions.Kubernetes))
        {
            problems.Add($"{path}:Mode '{mode}' is not 'none', 'bearer' or 'kubernetes'");
            return;
        }

        if (mode == EndpointAuthenticationOptions.None)
        {
            foreach (var (on, what) in new[] { (http.ExposeTokens, "ExposeTokens"), (http.ExposeReport, "ExposeReport"), (authentication.ProtectMetrics, "Authentication:ProtectMetrics") })
            {
                if (on)
                {
                    problems.Add($"{path}:Mode is 'none' while {Root}:Http:{what} is on: anyone who reaches the port would read it; set Mode to 'bearer' (with TokenFiles) or 'kubernetes' (TokenReview and SubjectAccessReview)");
                }
            }
        }

        if (mode == EndpointAuthenticationOptions.Bearer)
        {
            if (authentication.TokenFiles.Count == 0)
            {
                problems.Add($"{path}:TokenFiles is empty: Mode 'bearer' needs at least one file holding an accepted token");
            }

            for (var index = 0; index < authentication.TokenFiles.Count; index++)
            {
                if (!File.Exists(authentication.TokenFiles[index]))
                {
                    problems.Add($"{path}:TokenFiles:{index} '{authentication.TokenFiles[index]}' does not exist");
                }
            }
        }

        OptionBounds.Check($"{path}:CacheDuration", authentication.CacheDuration, TimeSpan.Zero, TimeSpan.FromHours(1), problems);

        var tls = http.Tls;
        if (tls.IsConfigured != !string.IsNullOrWhiteSpace(tls.KeyFile))
        {
            problems.Add($"{Root}:Http:Tls needs both CertificateFile and KeyFile");
        }
        else if (tls.IsConfigured && Authentication.CertificateFiles.Problem(tls.CertificateFile!, tls.KeyFile!) is { } problem)
        {
            problems.Add($"{Root}:Http:Tls: {problem}");
        }
    }

    private static void ValidateSchedule(string path, string schedule, List<string> problems)
    {
        if (!CronExpression.TryParse(schedule, out _))
        {
            problems.Add($"{path} '{schedule}' is not a valid Quartz cron expression (e.g. '0 */15 * * * ?')");
        }
        else if (!CronSchedules.FiresAgain(schedule))
        {
            // '0 0 0 31 2 ?' (February 31st) parses but never fires; Quartz refuses such a trigger at start.
            problems.Add($"{path} '{schedule}' never fires: no date matches it");
        }
    }

    private static void ValidateScheduler(SchedulerOptions scheduler, List<string> problems)
    {
        const string path = Root + ":Scheduler";
        if (!Choices.TryParse<SchedulerStore>(scheduler.Store, out _))
        {
            problems.Add($"{path}:Store '{scheduler.Store}' is not 'memory' or 'postgres'");
            return;
        }

        OptionBounds.CheckPositive($"{path}:SnapshotCacheDuration", scheduler.SnapshotCacheDuration, TimeSpan.FromMilliseconds(100), TimeSpan.FromHours(1), problems);
        OptionBounds.CheckPositive($"{path}:ClusterCheckinInterval", scheduler.ClusterCheckinInterval, TimeSpan.FromMilliseconds(100), TimeSpan.FromHours(1), problems);

        var hasFile = !string.IsNullOrWhiteSpace(scheduler.ConnectionStringFile);
        var hasValue = !string.IsNullOrWhiteSpace(scheduler.ConnectionString);
        if (!scheduler.UsesPostgres)
        {
            if (hasFile || hasValue)
            {
                problems.Add($"{path}: a connection string is set but Store is 'memory'; set Store to 'postgres' or remove it");
            }

            return;
        }

        if (hasFile && hasValue)
        {
            problems.Add($"{path}: set ConnectionStringFile or ConnectionString, not both");
        }
        else if (!hasFile && !hasValue)
        {
            problems.Add($"{path}: Store 'postgres' needs ConnectionStringFile (preferred) or ConnectionString");
        }
        else if (hasFile && InputFile.Problem(scheduler.ConnectionStringFile!, Persistence.PostgresConnectionString.MaxFileBytes) is { } fileProblem)
        {
            problems.Add($"{path}:ConnectionStringFile '{scheduler.ConnectionStringFile}' {fileProblem}");
        }
        else
        {
            try
            {
                Persistence.PostgresConnectionString.Read(scheduler);
            }
            catch (ConfigurationException exception)
            {
                problems.Add(exception.Message);
            }
        }
    }
}
