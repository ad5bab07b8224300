using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using TokenGovernance.Audit.Configuration;
using TokenGovernance.AuditWorker.Hosting;
using TokenGovernance.AuditWorker.Persistence;

namespace TokenGovernance.AuditWorker.Cli;

/// <summary>
/// The host of a one-shot command (<c>audit</c>, <c>tokens</c>): configuration, logging to stderr and the engine, with
/// the targets from <c>--config</c>, <c>--url</c> or <c>--demo</c>. Disposing it stops the demo target.
/// </summary>
public sealed class CliHost : IAsyncDisposable
{
    private readonly DemoTarget? _demo;

    private CliHost(IHost host, DemoTarget? demo, TokenGovernanceOptions options, SchedulerOptions? scheduler)
    {
        Host = host;
        _demo = demo;
        Options = options;
        ConfiguredScheduler = scheduler;
    }

    public IHost Host { get; }

    public IServiceProvider Services => Host.Services;

    /// <summary>Validated: a configuration problem has already thrown.</summary>
    public TokenGovernanceOptions Options { get; }

    /// <summary>
    /// The worker's <c>Scheduler</c> section as configured (the options hold the defaults: nothing is scheduled), for a
    /// read of the findings history; null when it cannot be bound.
    /// </summary>
    public SchedulerOptions? ConfiguredScheduler { get; }

    public static async Task<CliHost> StartAsync(CommandLine command)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddTokenGovernanceSources(command.ConfigFile);
        builder.Logging.AddTokenGovernanceLogging(builder.Configuration, toStandardError: true);
        builder.Services.AddTokenGovernanceCore(builder.Configuration);
        var scheduler = ConfiguredSchedulerOf(builder.Configuration);

        // A one-shot command neither schedules nor stores anything: a worker's Scheduler section (whose connection
        // string file may not exist in CI) is not bound, so it is ignored rather than validated (its options are the defaults).
        builder.Services.RemoveAll<IConfigureOptions<SchedulerOptions>>();
        builder.Services.RemoveAll<IOptionsChangeTokenSource<SchedulerOptions>>();

        var demo = command.Demo ? await DemoTarget.StartAsync(TimeProvider.System) : null;
        try
        {
            if (demo is not null)
            {
                builder.Services.PostConfigure<TokenGovernanceOptions>(demo.Apply);
            }
            else if (command.Url is not null)
            {
                builder.Services.PostConfigure<TokenGovernanceOptions>(options => options.Targets =
                [
                    new TargetOptions
                    {
                        Name = new Uri(command.Url, UriKind.RelativeOrAbsolute) is { IsAbsoluteUri: true } url ? url.Host : "cli",
                        Url = command.Url,
                        TokenFile = command.TokenFile,
                        Kind = command.TargetKind ?? string.Empty,
                        Orgs = command.Orgs.ToList(),
                    },
                ]);
            }

            var host = builder.Build();
            try
            {
                var options = host.Services.GetValidatedOptions();
                if (command.Output is not null && ReportOutput.Problem(command.Output) is { } outputProblem)
                {
                    // Before reading anything: output that cannot be written is a usage error, not news after a long run.
                    throw new ConfigurationException($"--output '{command.Output}' {outputProblem}");
                }

                return new CliHost(host, demo, options, scheduler);
            }
            catch
            {
                host.Dispose();
                throw;
            }
        }
        catch
        {
            if (demo is not null)
            {
                await demo.DisposeAsync();
            }

            throw;
        }
    }

    /// <summary>
    /// The targets <c>--target</c> names (all without it), in configuration order: only those are read, so
    /// <c>--target prod</c> neither waits for nor fails on staging. An unknown name is a usage error.
    /// </summary>
    public IReadOnlyList<TargetOptions> SelectTargets(IReadOnlyList<string> names)
    {
        if (names.FirstOrDefault(name => Options.Targets.All(target => target.Name != name)) is { } unknown)
        {
            throw new ConfigurationException(
                $"--target '{unknown}' is not a configured target; the targets are {string.Join(", ", Options.Targets.Select(target => target.Name))}");
        }

        return names.Count == 0 ? Options.Targets : Options.Targets.Where(target => names.Contains(target.Name)).ToList();
    }

    private static SchedulerOptions? ConfiguredSchedulerOf(IConfiguration configuration)
    {
        try
        {
            return configuration.GetSection(SchedulerOptions.Section).Get<SchedulerOptions>();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>Writes to <c>--output</c> or stdout; a failure to write is <see cref="ReportOutputException"/> (exit 74).</summary>
    public static async Task WriteOutputAsync(string? outputPath, string what, Func<Stream, Task> write, CancellationToken cancellationToken)
    {
        try
        {
            if (outputPath is null)
            {
                await using var stdout = Console.OpenStandardOutput();
                await write(stdout);
                await stdout.FlushAsync(cancellationToken);
            }
            else
            {
                await using var file = File.Create(outputPath);
                await write(file);
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            var where = outputPath is null ? "standard output" : $"'{outputPath}'";
            throw new ReportOutputException($"cannot write the {what} to {where}: {Audit.Safety.ServerText.OneLine(exception.Message)}", exception);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Host.Dispose();
        if (_demo is not null)
        {
            await _demo.DisposeAsync();
        }
    }
}
