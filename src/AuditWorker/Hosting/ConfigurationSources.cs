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
        var appsettings = Path.Combine(AppContext.BaseDirectory, "appsettings.json");
        if (File.Exists(appsettings))
        {
            CheckJson(appsettings, appsettings);
        }

        builder.AddJsonFile(appsettings, optional: true, reloadOnChange: false);
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

            CheckJson(path, configFile);
            builder.AddJsonFile(path, optional: false, reloadOnChange: false);
        }

        builder.AddEnvironmentVariables();
        return builder;
    }

    /// <summary>
    /// Parses the file as the JSON configuration provider will (comments and trailing commas allowed), so that a
    /// syntax error is a <see cref="ConfigurationException"/> naming the file, line and column.
    /// </summary>
    private static void CheckJson(string path, string shownAs)
    {
        try
        {
            using var stream = File.OpenRead(path);
            using var document = System.Text.Json.JsonDocument.Parse(stream, new System.Text.Json.JsonDocumentOptions
            {
                CommentHandling = System.Text.Json.JsonCommentHandling.Skip,
                AllowTrailingCommas = true,
            });
        }
        catch (System.Text.Json.JsonException exception)
        {
            // The reader's message ends with its own position ("Path: $ | LineNumber: 1 | ..."): said once, 1-based, instead.
            var message = exception.Message;
            var cut = message.IndexOf(" Path:", StringComparison.Ordinal) is var pathAt and > 0 ? pathAt : message.IndexOf(" LineNumber:", StringComparison.Ordinal);
            var reason = Audit.Safety.ServerText.OneLine(cut > 0 ? message[..cut] : message);
            throw new ConfigurationException(
                $"config file '{shownAs}' is not valid JSON: line {exception.LineNumber + 1}, column {exception.BytePositionInLine + 1}: {reason}", exception);
        }
    }
}
