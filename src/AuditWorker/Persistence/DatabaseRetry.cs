using Npgsql;
using Polly;
using Polly.Retry;

namespace TokenGovernance.AuditWorker.Persistence;

/// <summary>The two ways the worker waits for PostgreSQL, as Polly pipelines (exponential backoff, no jitter: time comes from <see cref="TimeProvider"/>).</summary>
public static class DatabaseRetry
{
    /// <summary>Start-up: until the database answers (1 s doubling to 30 s), however long that takes; other errors are not retried.</summary>
    public static ResiliencePipeline UntilReachable(TimeProvider time, Func<OnRetryArguments<object>, ValueTask> onRetry) =>
        new ResiliencePipelineBuilder { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = arguments => ValueTask.FromResult(
                    arguments.Outcome.Exception is { } exception && DatabaseErrors.IsUnreachable(exception) && !arguments.Context.CancellationToken.IsCancellationRequested),
                MaxRetryAttempts = int.MaxValue,
                BackoffType = DelayBackoffType.Exponential,
                Delay = TimeSpan.FromSeconds(1),
                MaxDelay = TimeSpan.FromSeconds(30),
                UseJitter = false,
                OnRetry = onRetry,
            })
            .Build();

    /// <summary>
    /// Storing a finished audit: any database error is retried (0.5 s doubling to 15 s; the run id makes a retry
    /// idempotent) while the next attempt still starts before <paramref name="deadline"/>.
    /// </summary>
    public static ResiliencePipeline UntilDeadline(TimeProvider time, DateTimeOffset deadline, Func<OnRetryArguments<object>, ValueTask> onRetry)
    {
        var options = new RetryStrategyOptions
        {
            MaxRetryAttempts = int.MaxValue,
            BackoffType = DelayBackoffType.Exponential,
            Delay = TimeSpan.FromMilliseconds(500),
            MaxDelay = TimeSpan.FromSeconds(15),
            UseJitter = false,
            OnRetry = onRetry,
        };
        options.ShouldHandle = arguments => ValueTask.FromResult(
            arguments.Outcome.Exception is NpgsqlException
            && !arguments.Context.CancellationToken.IsCancellationRequested
            && time.GetUtcNow() + DelayOf(options, arguments.AttemptNumber) < deadline);
        return new ResiliencePipelineBuilder { TimeProvider = time }.AddRetry(options).Build();
    }

    /// <summary>The delay before retry <paramref name="attempt"/> (0-based), as the exponential strategy computes it without jitter.</summary>
    private static TimeSpan DelayOf(RetryStrategyOptions options, int attempt)
    {
        var ticks = options.Delay.Ticks * Math.Pow(2, Math.Min(attempt, 30));
        return TimeSpan.FromTicks((long)Math.Min(ticks, options.MaxDelay!.Value.Ticks));
    }
}
