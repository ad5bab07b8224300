"""Generates the analyzer benchmark project: N files of ~200 lines each with string literals and InfluxDB client calls."""
import os, sys, random
out, files = sys.argv[1], int(sys.argv[2])
os.makedirs(out, exist_ok=True)
random.seed(7)
open(os.path.join(out, "Bench.csproj"), "w").write("""<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><TargetFramework>net10.0</TargetFramework><Nullable>enable</Nullable><ImplicitUsings>enable</ImplicitUsings><NoWarn>CS0219;CS0414;CS0169</NoWarn></PropertyGroup>
  <ItemGroup><PackageReference Include="InfluxDB.Client" Version="5.1.0" /></ItemGroup>
  <ItemGroup Condition="'$(UseTokenGovernance)' == 'true'"><PackageReference Include="TokenGovernance.Analyzers" Version="0.0.0-bench" PrivateAssets="all" /></ItemGroup>
  <ItemGroup Condition="'$(UseMeziantou)' == 'true'"><PackageReference Include="Meziantou.Analyzer" Version="3.0.321" PrivateAssets="all" /></ItemGroup>
</Project>
""")
alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
def token():
    return "".join(random.choice(alphabet) for _ in range(85)) + random.choice("AQgw") + "=="
for index in range(files):
    lines = [f"namespace Bench.Area{index % 20};", "using InfluxDB.Client;", "using System.Net.Http;", "using System.Net.Http.Headers;", f"public class Service{index}", "{"]
    lines.append(f'    private const string InfluxToken{index} = "{"secret-" + str(index) if index % 50 == 0 else ""}";')
    for method in range(13):
        lines.append(f"    public string Method{method}(HttpClient http, string input)")
        lines.append("    {")
        lines.append(f'        var label = "metric-{index}-{method}";')
        lines.append(f'        var query = $"from(bucket: \\"b{method}\\") |> range(start: -1h) |> filter(fn: (r) => r._measurement == \\"{{input}}\\")";')
        lines.append(f'        var description = "This is a long description string used for benchmarking number {index * 100 + method}.";')
        if method % 4 == 0:
            lines.append('        using var client = new InfluxDBClient("http://localhost:8086", System.Environment.GetEnvironmentVariable("INFLUX_TOKEN")!);')
        if method % 6 == 1:
            lines.append('        http.DefaultRequestHeaders.Add("X-Request-Id", label);')
        if index % 100 == 0 and method == 2:
            lines.append(f'        var leaked = "{token()}";')
        for literal in range(8):
            lines.append(f'        var s{literal} = "value {literal} of method {method} in file {index}" + input + label;')
        lines.append("        return label + query + description + s0 + s7;")
        lines.append("    }")
    lines.append("}")
    open(os.path.join(out, f"Service{index}.cs"), "w").write("\n".join(lines) + "\n")
