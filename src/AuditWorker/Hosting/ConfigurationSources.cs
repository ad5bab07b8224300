namespace TokenGovernance.AuditWorker.Hosting;

public static class ConfigurationSources
{
    /// <summary>
    /// appsettings.json beside the binary, then the <c>--config</c> file, then environment variables
    /// (<c>TokenGovernance__...</c>), so that a deployment can override a file without editing it.
    /// </summary>
    public static IConfigurationBuilder AddTokenGovernanceSources(this IConfigurationBuilder builder, string? configFile)
    {
        builder.AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true, reloadOnChange: false);
        if (configFile is not null)
        {
            var path = Path.GetFullPath(configFile);
            if (!File.Exists(path))
            {
                throw new ConfigurationException($"config file '{configFile}' not found");
            }

            builder.AddJsonFile(path, optional: false, reloadOnChange: false);
        }

        builder.AddEnvironmentVariables();
        return builder;
    }
}

/// <summary>A configuration problem found before options validation (missing file, unreadable JSON, unknown key).</summary>
public sealed class ConfigurationException(string message, Exception? inner = null) : Exception(message, inner);
