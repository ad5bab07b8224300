using Microsoft.Extensions.Options;
using TokenGovernance.Audit.Configuration;
using TokenGovernance.Audit.Safety;

namespace TokenGovernance.AuditWorker.Persistence;

/// <summary>
/// <c>TokenGovernance:Scheduler</c> as a whole: the store's word first (nothing else is checked past a wrong one), the
/// ranges (<see cref="SchedulerOptionsRanges"/>), then the connection string the store needs, and only it.
/// </summary>
public sealed class SchedulerOptionsValidator : IValidateOptions<SchedulerOptions>
{
    private const string Path = SchedulerOptions.Section;

    public ValidateOptionsResult Validate(string? name, SchedulerOptions scheduler)
    {
        var problems = new List<string>();
        if (!Choices.TryParse<SchedulerStore>(scheduler.Store, out _))
        {
            problems.Add($"{Path}:Store '{scheduler.Store}' is not 'memory' or 'postgres'");
            return ValidateOptionsResult.Fail(problems);
        }

        if (new SchedulerOptionsRanges().Validate(name, scheduler) is { Failed: true } ranges)
        {
            problems.AddRange(ranges.Failures);
        }

        ValidateConnectionString(scheduler, problems);
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    private static void ValidateConnectionString(SchedulerOptions scheduler, List<string> problems)
    {
        var hasFile = !string.IsNullOrWhiteSpace(scheduler.ConnectionStringFile);
        var hasValue = !string.IsNullOrWhiteSpace(scheduler.ConnectionString);
        if (!scheduler.UsesPostgres)
        {
            if (hasFile || hasValue)
            {
                problems.Add($"{Path}: a connection string is set but Store is 'memory'; set Store to 'postgres' or remove it");
            }

            return;
        }

        if (hasFile && hasValue)
        {
            problems.Add($"{Path}: set ConnectionStringFile or ConnectionString, not both");
        }
        else if (!hasFile && !hasValue)
        {
            problems.Add($"{Path}: Store 'postgres' needs ConnectionStringFile (preferred) or ConnectionString");
        }
        else if (hasFile && InputFile.Problem(scheduler.ConnectionStringFile!, PostgresConnectionString.MaxFileBytes) is { } fileProblem)
        {
            problems.Add($"{Path}:ConnectionStringFile '{scheduler.ConnectionStringFile}' {fileProblem}");
        }
        else
        {
            try
            {
                PostgresConnectionString.Read(scheduler);
            }
            catch (ConfigurationException exception)
            {
                problems.Add(exception.Message);
            }
        }
    }
}
