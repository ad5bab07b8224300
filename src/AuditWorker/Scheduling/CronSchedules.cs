using Quartz;

namespace TokenGovernance.AuditWorker.Scheduling;

public static class CronSchedules
{
    /// <summary>False for an expression that parses but matches no date from now on (e.g. <c>0 0 0 31 2 ?</c>, or a year gone by).</summary>
    public static bool FiresAgain(string expression) =>
        CronExpression.TryParse(expression, out var cron) && cron?.GetNextValidTimeAfter(DateTimeOffset.UtcNow) is not null;
}
