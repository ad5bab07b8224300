using TokenGovernance.Audit.Configuration;

namespace TokenGovernance.AuditWorker.Hosting;

public static class ConfigurationSources
{
    /// <summary>A configuration of thousands of targets stays far below this.</summary>
    public const long MaxConfigFileBytes = 16 * 1024 * 1024;

    /// <summary>
    /// appsettings.json beside the binary, then the <c>--config</c> file, then environment variables
    /// (<c>TokenGovernance__...</c>), so that a deployment can override a file without editing it.
    /// </summary>
    public static IConfigurationBuilder AddTokenGovernanceSources(this IConfigurationBuilder builder, string? configFile)
    {
        builder.AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true, reloadOnChange: false);
        if (configFile is not null)
        {
            if (string.IsNullOrWhiteSpace(configFile))
            {
                throw new ConfigurationException("--config needs a file name");
            }

            var path = Path.GetFullPath(configFile);
            if (!File.Exists(path) && !Directory.Exists(path))
            {
                throw new ConfigurationException($"config file '{configFile}' not found");
            }

            if (Audit.Safety.InputFile.Problem(path, MaxConfigFileBytes) is { } problem)
            {
                throw new ConfigurationException($"config file '{configFile}' {problem}");
            }

            builder.AddJsonFile(path, optional: false, reloadOnChange: false);
        }

        builder.AddEnvironmentVariables();
        return builder;
    }
}
