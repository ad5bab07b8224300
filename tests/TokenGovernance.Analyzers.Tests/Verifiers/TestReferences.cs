using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace TokenGovernance.Analyzers.Tests.Verifiers;

/// <summary>
/// Compiles test code against this runtime's assemblies and the real InfluxDB.Client / InfluxDB3.Client
/// assemblies, with no NuGet download (the registry here lacks exact reference-pack dependency versions).
/// </summary>
internal static class TestReferences
{
    public static readonly ReferenceAssemblies None = new("net10.0-local");

    public static readonly ImmutableArray<MetadataReference> All = Load();

    private static ImmutableArray<MetadataReference> Load()
    {
        var platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(path => Path.GetFileName(path) is var name
                           && (name.StartsWith("System.", StringComparison.Ordinal) || name is "mscorlib.dll" or "netstandard.dll"
                               || name.StartsWith("Microsoft.Extensions.Configuration", StringComparison.Ordinal)
                               || name.StartsWith("Microsoft.Extensions.Primitives", StringComparison.Ordinal)));
        var influx = new[]
        {
            typeof(InfluxDB.Client.InfluxDBClient).Assembly.Location,
            typeof(InfluxDB.Client.Core.Arguments).Assembly.Location,
            typeof(InfluxDB3.Client.InfluxDBClient).Assembly.Location,
            typeof(Microsoft.Extensions.Configuration.IConfiguration).Assembly.Location,
            typeof(Microsoft.Extensions.Primitives.StringValues).Assembly.Location,
        };
        return platform.Concat(influx)
            .Distinct(StringComparer.Ordinal)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();
    }
}
