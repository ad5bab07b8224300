using System.IO.Compression;
using System.Text.Json;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace TokenGovernance.AuditWorker.Tests.Cli;

/// <summary>
/// tokengov as users get it outside a clone: the .NET tool installed from a folder feed into a <c>--tool-path</c>, and
/// the GitHub Action (action.yml) whose shell steps run here as a runner would run them, against the demo.
/// </summary>
public sealed partial class ToolAndActionTests(ToolPackageFixture tool) : IClassFixture<ToolPackageFixture>
{
    [Fact]
    public void The_tool_package_carries_a_CycloneDX_SBOM_of_the_packages_it_ships()
    {
        Assert.True(tool.Package is not null, tool.PackOutput);
        using var archive = System.IO.Compression.ZipFile.OpenRead(tool.Package);
        using var reader = new StreamReader(archive.GetEntry("sbom/tokengov.cdx.json")!.Open());
        var bom = System.Text.Json.Nodes.JsonNode.Parse(reader.ReadToEnd())!;

        Assert.Equal("CycloneDX", (string?)bom["bomFormat"]);
        Assert.Equal("TokenGovernance.Tool", (string?)bom["metadata"]!["component"]!["name"]);
        var components = bom["components"]!.AsArray().ToDictionary(component => (string)component!["name"]!, component => (string?)component!["version"]);
        var pinned = System.Xml.Linq.XDocument.Load(Path.Combine(RepositoryRoot.Path, "Directory.Packages.props")).Descendants("PackageVersion")
            .ToDictionary(version => (string)version.Attribute("Include")!, version => (string?)version.Attribute("Version"));
        foreach (var shipped in new[] { "Quartz", "Npgsql", "KubernetesClient.Aot", "OpenTelemetry.Exporter.Prometheus.AspNetCore" })
        {
            Assert.Equal(pinned[shipped], components[shipped]);
        }

        // Transitive packages are in it too, and nothing the tests or the analyzers use.
        Assert.Contains("Polly.Core", components.Keys);
        Assert.DoesNotContain(components.Keys, name => name.StartsWith("xunit", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task The_tool_installs_from_a_folder_feed_and_runs_the_demo_audit()
    {
        Assert.True(tool.Package is not null, "dotnet pack failed:\n" + tool.PackOutput);
        using (var archive = ZipFile.OpenRead(tool.Package))
        {
            var entries = archive.Entries.Select(entry => entry.FullName).ToList();
            Assert.Contains(entries, entry => entry.EndsWith("/DotnetToolSettings.xml", StringComparison.Ordinal));
            Assert.Contains(entries, entry => entry.EndsWith("/any/tokengov.dll", StringComparison.Ordinal));
            using var settings = new StreamReader(archive.Entries.Single(entry => entry.FullName.EndsWith("/DotnetToolSettings.xml", StringComparison.Ordinal)).Open());
            Assert.Contains("Name=\"tokengov\"", await settings.ReadToEndAsync(), StringComparison.Ordinal);
        }

        var folder = tool.IsolatedFolder("install");
        var toolPath = Path.Combine(folder, "tools");
        var environment = new Dictionary<string, string> { ["NUGET_PACKAGES"] = Path.Combine(folder, "packages") };
        var install = await DotnetCli.RunAsync(folder, environment, "tool", "install", "TokenGovernance.Tool", "--tool-path", toolPath, "--version", ToolPackageFixture.Version);
        Assert.True(install.ExitCode == 0, install.Output);

        var tokengov = Path.Combine(toolPath, "tokengov");
        Assert.Equal((0, $"tokengov {ToolPackageFixture.Version}\n"), await RunAsync(tokengov, ["--version"], folder));
        var (exitCode, output) = await RunAsync(tokengov, ["audit", "--demo", "--fail-on", "none"], folder);
        Assert.True(exitCode == 0, output);
        Assert.Contains("Summary: 2 critical, ", output, StringComparison.Ordinal);
        Assert.Equal(1, (await RunAsync(tokengov, ["audit", "--demo"], folder)).ExitCode);
    }

    [Fact]
    public async Task The_action_s_steps_install_the_tool_and_write_sarif_with_the_exit_code_as_output()
    {
        Assert.True(tool.Package is not null, "dotnet pack failed:\n" + tool.PackOutput);
        var action = LoadAction();
        Assert.Equal("composite", Scalar(action, "runs", "using"));
        var inputs = (YamlMappingNode)action.Children[new YamlScalarNode("inputs")];
        foreach (var input in (string[])["config", "format", "fail-on", "output"])
        {
            Assert.True(inputs.Children.ContainsKey(new YamlScalarNode(input)), "input " + input);
        }

        Assert.Equal("sarif", Default(inputs, "format"));
        var folder = tool.IsolatedFolder("runner");
        var sarif = Path.Combine(folder, "tokengov.sarif");
        var given = new Dictionary<string, string>
        {
            ["version"] = ToolPackageFixture.Version, ["source"] = tool.Feed, ["args"] = "--demo", ["fail-on"] = "none", ["output"] = sarif,
        };

        var clean = await RunStepsAsync(action, given, folder);
        Assert.True(clean.ExitCode == 0, clean.Output);
        using (var report = JsonDocument.Parse(File.ReadAllText(sarif)))
        {
            Assert.Equal("2.1.0", report.RootElement.GetProperty("version").GetString());
            Assert.NotEmpty(report.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray());
        }

        Assert.Contains("exit-code=0", clean.Outputs, StringComparison.Ordinal);
        Assert.Contains("report=" + sarif, clean.Outputs, StringComparison.Ordinal);

        // Findings at or above fail-on fail the step, and say so in the output; a second run updates the installed tool.
        given["fail-on"] = "high";
        var failing = await RunStepsAsync(action, given, folder);
        Assert.Equal(1, failing.ExitCode);
        Assert.Contains("exit-code=1", failing.Outputs, StringComparison.Ordinal);
        Assert.Contains("is already installed", failing.Output, StringComparison.Ordinal);
    }

    /// <summary>
    /// Runs each step as a runner runs a composite action's <c>shell: bash</c> step: <c>bash --noprofile --norc -eo
    /// pipefail</c> on the script, with the step's <c>env</c> (its <c>${{ inputs.* }}</c> filled from <paramref name="given"/>
    /// or the input's default), <c>RUNNER_TEMP</c> and <c>GITHUB_OUTPUT</c>. Stops at the first failing step.
    /// </summary>
    private static async Task<(int ExitCode, string Output, string Outputs)> RunStepsAsync(YamlMappingNode action, Dictionary<string, string> given, string folder)
    {
        var inputs = (YamlMappingNode)action.Children[new YamlScalarNode("inputs")];
        var outputs = Path.Combine(folder, $"github-output-{Guid.NewGuid():N}");
        File.WriteAllText(outputs, string.Empty);
        var log = new System.Text.StringBuilder();
        var steps = (YamlSequenceNode)((YamlMappingNode)action.Children[new YamlScalarNode("runs")]).Children[new YamlScalarNode("steps")];
        foreach (var step in steps.Cast<YamlMappingNode>())
        {
            Assert.Equal("bash", Scalar(step, "shell"));
            var script = Path.Combine(folder, $"step-{Guid.NewGuid():N}.sh");
            File.WriteAllText(script, Scalar(step, "run"));
            var environment = new Dictionary<string, string?>
            {
                ["RUNNER_TEMP"] = folder, ["GITHUB_OUTPUT"] = outputs, ["NUGET_PACKAGES"] = Path.Combine(folder, "packages"), ["INFLUX_TOKEN"] = null,
            };
            if (step.Children.TryGetValue(new YamlScalarNode("env"), out var env))
            {
                foreach (var (key, value) in ((YamlMappingNode)env).Children)
                {
                    environment[((YamlScalarNode)key).Value!] = InputExpression().Replace(((YamlScalarNode)value).Value!, match =>
                        given.TryGetValue(match.Groups[1].Value, out var provided) ? provided : Default(inputs, match.Groups[1].Value));
                }
            }

            var process = await ProcessRunner.RunAsync("bash", ["--noprofile", "--norc", "-eo", "pipefail", script], folder, environment, TimeSpan.FromMinutes(3));
            log.Append(process.Output);
            if (process.ExitCode != 0)
            {
                return (process.ExitCode, log.ToString(), File.ReadAllText(outputs));
            }
        }

        return (0, log.ToString(), File.ReadAllText(outputs));
    }

    private static YamlMappingNode LoadAction()
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "action.yml"))));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static string Scalar(YamlMappingNode node, params string[] path)
    {
        YamlNode current = node;
        foreach (var key in path)
        {
            current = ((YamlMappingNode)current).Children[new YamlScalarNode(key)];
        }

        return ((YamlScalarNode)current).Value!;
    }

    /// <summary>An input's <c>default</c>, empty when it has none.</summary>
    private static string Default(YamlMappingNode inputs, string input) =>
        ((YamlMappingNode)inputs.Children[new YamlScalarNode(input)]).Children.TryGetValue(new YamlScalarNode("default"), out var value) ? ((YamlScalarNode)value).Value ?? string.Empty : string.Empty;

    private static async Task<(int ExitCode, string Output)> RunAsync(string file, string[] arguments, string folder)
    {
        var result = await ProcessRunner.RunAsync(file, arguments, folder, new Dictionary<string, string?> { ["INFLUX_TOKEN"] = null }, TimeSpan.FromMinutes(2));
        return (result.ExitCode, result.Output);
    }

    [GeneratedRegex(@"\$\{\{\s*inputs\.([\w-]+)\s*\}\}")]
    private static partial Regex InputExpression();
}
