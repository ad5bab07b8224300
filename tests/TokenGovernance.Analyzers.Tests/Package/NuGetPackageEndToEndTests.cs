namespace TokenGovernance.Analyzers.Tests.Package;

/// <summary>
/// Packs TokenGovernance.Analyzers.nupkg, restores it into a throwaway project from a local folder source,
/// and builds that project as a user would: TG1001–TG1005 appear as warnings, and as errors with -warnaserror.
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class NuGetPackageEndToEndTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("tokengov-e2e-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task Package_reports_all_rules_in_a_plain_dotnet_build()
    {
        var feed = Directory.CreateDirectory(Path.Combine(_root, "feed")).FullName;
        var environment = new Dictionary<string, string> { ["NUGET_PACKAGES"] = Path.Combine(_root, "packages") };
        var packageProject = Path.Combine(RepositoryRoot.Path, "src", "Analyzers", "TokenGovernance.Analyzers.Package", "TokenGovernance.Analyzers.Package.csproj");

        var pack = await DotnetCli.RunAsync(_root, new Dictionary<string, string>(), "pack", packageProject, "-c", "Release", "-o", feed, "-p:Version=0.0.0-e2e");
        Assert.True(pack.ExitCode == 0, pack.Output);
        var package = Assert.Single(Directory.GetFiles(feed, "*.nupkg"));
        using (var archive = System.IO.Compression.ZipFile.OpenRead(package))
        {
            var entries = archive.Entries.Select(entry => entry.FullName).ToList();
            Assert.Contains("analyzers/dotnet/cs/TokenGovernance.Analyzers.dll", entries);
            Assert.Contains("analyzers/dotnet/cs/TokenGovernance.Analyzers.CodeFixes.dll", entries);
            Assert.DoesNotContain(entries, entry => entry.StartsWith("lib/", StringComparison.Ordinal));
            using var nuspec = new StreamReader(archive.Entries.Single(entry => entry.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open());
            Assert.Contains("<developmentDependency>true</developmentDependency>", await nuspec.ReadToEndAsync());
        }

        var app = Directory.CreateDirectory(Path.Combine(_root, "app")).FullName;
        WriteConsumerProject(app, feed);

        var build = await DotnetCli.RunAsync(app, environment, "build", "-nologo", "-v:q");
        Assert.True(build.ExitCode == 0, build.Output);
        foreach (var id in new[] { "TG1001", "TG1002", "TG1003", "TG1004", "TG1005" })
        {
            Assert.Contains("warning " + id, build.Output, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("AD0001", build.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(TestTokens.V2, build.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("consumer-admin-token", build.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("consumer-db-pass", build.Output, StringComparison.Ordinal);

        var strict = await DotnetCli.RunAsync(app, environment, "build", "-nologo", "-v:q", "--no-incremental", "-warnaserror");
        Assert.NotEqual(0, strict.ExitCode);
        foreach (var id in new[] { "TG1001", "TG1002", "TG1003", "TG1004", "TG1005" })
        {
            Assert.Contains("error " + id, strict.Output, StringComparison.Ordinal);
        }

        // Severities from .editorconfig, as users set them.
        File.WriteAllText(Path.Combine(app, ".editorconfig"), "root = true\n\n[*]\ndotnet_diagnostic.TG1001.severity = none\ndotnet_diagnostic.TG1002.severity = error\n");
        var configured = await DotnetCli.RunAsync(app, environment, "build", "-nologo", "-v:q", "--no-incremental");
        Assert.NotEqual(0, configured.ExitCode);
        Assert.DoesNotContain("TG1001", configured.Output, StringComparison.Ordinal);
        Assert.Contains("error TG1002", configured.Output, StringComparison.Ordinal);
        Assert.Contains("warning TG1004", configured.Output, StringComparison.Ordinal);
    }

    private static void WriteConsumerProject(string app, string feed)
    {
        File.WriteAllText(Path.Combine(app, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{feed}" />
              </packageSources>
            </configuration>
            """);
        File.WriteAllText(Path.Combine(app, "Consumer.csproj"), """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="TokenGovernance.Analyzers" Version="0.0.0-e2e" />
                <AdditionalFiles Include="appsettings.json" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(app, "appsettings.json"), """
            {
              // written by hand, as users do
              "InfluxDB": { "Url": "http://localhost:8086", "Token": "config-file-token",
                            "Password": "consumer-db-pass" }
            }
            """);
        File.WriteAllText(Path.Combine(app, "Program.cs"), $$"""
            using System.Net.Http.Headers;

            const string influxToken = "consumer-named-token";
            var header = new AuthenticationHeaderValue("Token", "consumer-admin-token");
            var shaped = "{{TestTokens.V2}}";
            Console.WriteLine(influxToken.Length + header.Scheme + shaped.Length);
            """);
    }
}
