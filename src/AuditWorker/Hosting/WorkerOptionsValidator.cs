using Microsoft.Extensions.Options;
using Quartz;
using TokenGovernance.Audit.Configuration;
using TokenGovernance.AuditWorker.Persistence;
using TokenGovernance.AuditWorker.Scheduling;

namespace TokenGovernance.AuditWorker.Hosting;

/// <summary>
/// Checks the worker's keys at the root of the section: schedules, the shutdown grace, the log format, and the journal an
/// applying worker needs without the PostgreSQL store. <c>Scheduler</c>, <c>History</c> and <c>Http</c> validate themselves.
/// </summary>
public sealed class WorkerOptionsValidator(IOptions<SchedulerOptions> scheduler) : IValidateOptions<TokenGovernanceOptions>
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

        if (options.Remediation.ParsedMode == RemediationMode.Apply && string.IsNullOrWhiteSpace(options.Remediation.JournalFile) && UsesMemoryStore() == true)
        {
            problems.Add($"{Root}:Remediation:JournalFile is required with Mode 'apply' and the memory store: every action the worker takes is journaled (with the PostgreSQL store, in the database)");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
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

    /// <summary>
    /// Whether the store is memory; null when the <c>Scheduler</c> section itself is wrong (its own validation reports
    /// that, once: asked here, its problems would abort this validation and be listed twice).
    /// </summary>
    private bool? UsesMemoryStore()
    {
        try
        {
            return !scheduler.Value.UsesPostgres;
        }
        catch (Exception exception) when (exception is OptionsValidationException or InvalidOperationException)
        {
            return null;
        }
    }
}
