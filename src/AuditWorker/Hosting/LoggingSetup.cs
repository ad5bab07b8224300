using Microsoft.Extensions.Logging.Console;
using TokenGovernance.Audit.Configuration;

namespace TokenGovernance.AuditWorker.Hosting;

public static class LoggingSetup
{
    /// <summary>JSON console logs when <c>TokenGovernance:LogFormat=json</c> (the container default), one-line plain logs otherwise.</summary>
    public static ILoggingBuilder AddTokenGovernanceLogging(this ILoggingBuilder logging, IConfiguration configuration, bool toStandardError)
    {
        logging.ClearProviders();

        // Logging:LogLevel:<category> from the config file or the environment (Logging__LogLevel__TokenGovernance=Debug)
        // turns a category up or down; the filters below are the defaults it overrides.
        logging.AddConfiguration(configuration.GetSection("Logging"));
        var format = configuration[TokenGovernanceOptions.SectionName + ":LogFormat"];
        if (Choices.Parse(format, LogFormat.Plain) == LogFormat.Json)
        {
            logging.AddJsonConsole(options =>
            {
                options.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
                options.UseUtcTimestamp = true;
            });
        }
        else
        {
            logging.AddSimpleConsole(options =>
            {
                options.SingleLine = true;
                options.TimestampFormat = "HH:mm:ss ";
            });
        }

        if (toStandardError)
        {
            logging.Services.Configure<ConsoleLoggerOptions>(options => options.LogToStandardErrorThreshold = LogLevel.Trace);
        }

        logging.AddFilter("Microsoft", LogLevel.Warning);
        logging.AddFilter("System.Net.Http", LogLevel.Warning);
        // Polly logs every retry with a full stack trace; the client logs one line per retry instead.
        logging.AddFilter("Polly", LogLevel.None);
        logging.AddFilter("Quartz", LogLevel.Warning);
        logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Information);
        // "Hosting failed to start" comes with the whole stack trace; tokengov says what failed in one line and exits.
        logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.Critical);
        return logging;
    }
}
